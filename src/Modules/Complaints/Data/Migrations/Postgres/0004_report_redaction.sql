-- R15: a report is published only as the Integrity Commissioner previewed and confirmed its redaction.
ALTER TABLE complaints_reports ADD "RedactionMarks" text;
ALTER TABLE complaints_reports ADD "PublishedHash" character varying(64);
ALTER TABLE complaints_reports ADD "PublishedBy" character varying(256);
-- Reports published before had their sanction and measures shown as typed: they wait for the IC's preview again.
UPDATE complaints_reports SET "PublishedAt" = NULL WHERE "PublishedAt" IS NOT NULL;
