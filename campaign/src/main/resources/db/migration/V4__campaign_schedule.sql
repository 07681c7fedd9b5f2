-- Each campaign's calling window and retry policy, chosen by its official (JSON of CampaignSchedule).
-- NULL for campaigns created before: they follow the service's configured defaults.

ALTER TABLE campaign ADD COLUMN schedule_json VARCHAR(4000);
