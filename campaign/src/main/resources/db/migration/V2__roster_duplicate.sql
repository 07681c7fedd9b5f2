-- Roster rows whose number an earlier-read row had already claimed, parked while the import's
-- partitions run; its last step keeps the lowest line of each number and rejects the rest.

CREATE TABLE roster_duplicate (
    campaign_id  VARCHAR(40)  NOT NULL REFERENCES campaign (id),
    line_number  INTEGER      NOT NULL,
    contact_ref  VARCHAR(80)  NOT NULL,
    phone_e164   VARCHAR(20)  NOT NULL,
    phone_key    BIGINT       NOT NULL,
    display_name VARCHAR(200),
    zone_id      VARCHAR(64)  NOT NULL,
    language     VARCHAR(16)  NOT NULL,
    first_line   INTEGER,
    PRIMARY KEY (campaign_id, line_number)
);
CREATE INDEX ix_roster_duplicate_phone ON roster_duplicate (campaign_id, phone_key);
