-- One live call per phone number across all campaigns, and a gap between calls from different
-- campaigns. A row is taken by the attempt that calls the number (attempt_id), and released when that
-- attempt ends (released_at); the primary key makes two campaigns' claims on one number exclusive.

CREATE TABLE number_lock (
    phone_key   BIGINT      PRIMARY KEY,
    attempt_id  VARCHAR(40),
    campaign_id VARCHAR(40) NOT NULL,
    released_at TIMESTAMP WITH TIME ZONE
);
CREATE UNIQUE INDEX ix_number_lock_attempt ON number_lock (attempt_id);
