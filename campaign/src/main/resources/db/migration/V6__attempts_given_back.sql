-- Attempts the resident had no part in (the PBX refused or dropped the call, a prompt was missing:
-- outcomes UNREACHABLE_SERVER and CAMPAIGN_FAULT) do not use up one of the resident's attempts. They are
-- counted here rather than taken off contact.attempts, which numbers the attempts and so only grows.

ALTER TABLE contact ADD COLUMN attempts_given_back INTEGER NOT NULL DEFAULT 0;
