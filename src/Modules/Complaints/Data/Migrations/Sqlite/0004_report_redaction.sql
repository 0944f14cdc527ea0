-- R15: a report is published only as the Integrity Commissioner previewed and confirmed its redaction.
ALTER TABLE "complaints_reports" ADD COLUMN "RedactionMarks" TEXT NULL;
ALTER TABLE "complaints_reports" ADD COLUMN "PublishedHash" TEXT NULL;
ALTER TABLE "complaints_reports" ADD COLUMN "PublishedBy" TEXT NULL;
-- Reports published before had their sanction and measures shown as typed: they wait for the IC's preview again.
UPDATE "complaints_reports" SET "PublishedAt" = NULL WHERE "PublishedAt" IS NOT NULL;
