-- Issue 12: the IC's protocol (R12, R16), appeals routed to the account's owner (R9), a fair process (R16).
-- @include workflow_due_explanation

CREATE TABLE "complaints_protocols" (
    "MunicipalityId" TEXT NOT NULL CONSTRAINT "PK_complaints_protocols" PRIMARY KEY,
    "ElectionProtocol" INTEGER NOT NULL,
    "WindowDaysBeforeNominationDay" INTEGER NOT NULL,
    "WindowDaysAfterVotingDay" INTEGER NOT NULL,
    "WindowForByElections" INTEGER NOT NULL,
    "TimeLimitDays" INTEGER NOT NULL,
    "Declaration" INTEGER NOT NULL,
    "NameMemberOnlyOnBreach" INTEGER NOT NULL,
    "AppealEscalationDays" INTEGER NOT NULL,
    "AppealReviewerUserId" TEXT NULL,
    "LocalBoards" TEXT NULL,
    "PrivacyContact" TEXT NULL,
    "UpdatedBy" TEXT NOT NULL,
    "UpdatedAt" INTEGER NULL
);

ALTER TABLE "complaints_cases" ADD COLUMN "TerminatedAt" INTEGER NULL;
ALTER TABLE "complaints_cases" ADD COLUMN "RestartBy" TEXT NULL;
ALTER TABLE "complaints_cases" ADD COLUMN "RestartRequestedAt" INTEGER NULL;
ALTER TABLE "complaints_cases" ADD COLUMN "RestartRequestedBy" TEXT NULL;

ALTER TABLE "complaints_appeals" ADD COLUMN "OwnerKind" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "complaints_appeals" ADD COLUMN "OwnerUserId" TEXT NULL;
ALTER TABLE "complaints_appeals" ADD COLUMN "OwnerName" TEXT NULL;
ALTER TABLE "complaints_appeals" ADD COLUMN "ActionId" TEXT NULL;
ALTER TABLE "complaints_appeals" ADD COLUMN "ActedByUserId" TEXT NULL;
ALTER TABLE "complaints_appeals" ADD COLUMN "RoutedAt" INTEGER NULL;
ALTER TABLE "complaints_appeals" ADD COLUMN "EscalatedTo" INTEGER NULL;
ALTER TABLE "complaints_appeals" ADD COLUMN "EscalatedAt" INTEGER NULL;
ALTER TABLE "complaints_appeals" ADD COLUMN "EscalationReason" TEXT NULL;
ALTER TABLE "complaints_appeals" ADD COLUMN "LinkedComplaintReference" TEXT NULL;
ALTER TABLE "complaints_appeals" ADD COLUMN "EscalateBy" TEXT NULL;

ALTER TABLE "complaints_appeal_decisions" ADD COLUMN "GroundAnswers" TEXT NULL;
ALTER TABLE "complaints_appeal_decisions" ADD COLUMN "RestoredAt" INTEGER NULL;
ALTER TABLE "complaints_appeal_decisions" ADD COLUMN "ReviewOutcome" TEXT NULL;
ALTER TABLE "complaints_appeal_decisions" ADD COLUMN "ReviewReasons" TEXT NULL;
ALTER TABLE "complaints_appeal_decisions" ADD COLUMN "ReviewedBy" TEXT NULL;
ALTER TABLE "complaints_appeal_decisions" ADD COLUMN "ReviewedAt" INTEGER NULL;

ALTER TABLE "complaints_reports" ADD COLUMN "MemberResponse" TEXT NULL;
ALTER TABLE "complaints_reports" ADD COLUMN "SharedResponse" TEXT NULL;
ALTER TABLE "complaints_reports" ADD COLUMN "ResponseRedactionReason" TEXT NULL;
ALTER TABLE "complaints_reports" ADD COLUMN "BreachFound" INTEGER NULL;
ALTER TABLE "complaints_reports" ADD COLUMN "MemberNamed" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "complaints_reports" ADD COLUMN "Reprimand" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "complaints_reports" ADD COLUMN "Measures" TEXT NULL;
ALTER TABLE "complaints_reports" ADD COLUMN "ResolutionNumber" TEXT NULL;

-- A local board member may have no staff account: MemberUserId becomes optional (SQLite rebuilds the table).
CREATE TABLE "complaints_code_of_conduct_new" (
    "CaseId" TEXT NOT NULL CONSTRAINT "PK_complaints_code_of_conduct" PRIMARY KEY,
    "MemberUserId" TEXT NULL,
    "MemberName" TEXT NOT NULL,
    "PostLinks" TEXT NOT NULL,
    "Articles" TEXT NOT NULL,
    "WhatHappened" TEXT NOT NULL,
    "Phone" TEXT NULL,
    "PostalAddress" TEXT NULL,
    "DeclarationName" TEXT NOT NULL,
    "DeclaredAt" INTEGER NOT NULL,
    "AllegesDiscrimination" INTEGER NOT NULL,
    "HeldUntil" TEXT NULL,
    "MemberNotifiedAt" INTEGER NULL,
    "LocalBoard" TEXT NULL,
    "ComplainantKind" INTEGER NOT NULL DEFAULT 1,
    "ConductOn" TEXT NULL,
    "AwareOn" TEXT NULL,
    "FiledLate" INTEGER NOT NULL DEFAULT 0,
    "LateReason" TEXT NULL,
    "DeclarationKind" INTEGER NOT NULL DEFAULT 1,
    "CommissionedBy" TEXT NULL,
    "CommissionedOn" TEXT NULL,
    "NameWithheldReason" TEXT NULL,
    "Disposition" INTEGER NULL,
    "LeadReference" TEXT NULL,
    "WithdrawalRequestedAt" INTEGER NULL,
    "WithdrawalReason" TEXT NULL,
    "FromAppealReference" TEXT NULL,
    CONSTRAINT "FK_complaints_code_of_conduct_complaints_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES "complaints_cases" ("Id") ON DELETE CASCADE
);
INSERT INTO "complaints_code_of_conduct_new" ("CaseId", "MemberUserId", "MemberName", "PostLinks", "Articles", "WhatHappened", "Phone",
    "PostalAddress", "DeclarationName", "DeclaredAt", "AllegesDiscrimination", "HeldUntil", "MemberNotifiedAt", "ComplainantKind",
    "FiledLate", "DeclarationKind")
SELECT "CaseId", "MemberUserId", "MemberName", "PostLinks", "Articles", "WhatHappened", "Phone", "PostalAddress", "DeclarationName",
    "DeclaredAt", "AllegesDiscrimination", "HeldUntil", "MemberNotifiedAt", 1, 0, 1
FROM "complaints_code_of_conduct";
DROP TABLE "complaints_code_of_conduct";
ALTER TABLE "complaints_code_of_conduct_new" RENAME TO "complaints_code_of_conduct";
CREATE INDEX "IX_complaints_code_of_conduct_MemberUserId" ON "complaints_code_of_conduct" ("MemberUserId");

-- R9: version 1 of the appeal workflow had the Integrity Commissioner decide, which the law does not allow. Appeals still
-- at the IC's stages go back to intake on version 2, to be sent to whoever runs the account; their open task and timers
-- move with them (version 2's intake has the same reminder and escalation timers).
UPDATE complaints_workflow_bookmarks SET "Stage" = 'intake', "Name" = CASE WHEN "Kind" = 1 THEN 'intake' ELSE "Name" END,
    "AssigneeRole" = CASE WHEN "Kind" = 1 THEN 'SocialMediaManager' ELSE "AssigneeRole" END
WHERE "ConsumedAt" IS NULL AND "Stage" IN ('hr_review', 'decision', 'awaiting_restoration')
  AND "InstanceId" IN (SELECT "Id" FROM complaints_workflow_instances WHERE "DefinitionName" = 'appeal' AND "DefinitionVersion" = 1);
UPDATE complaints_workflow_instances SET "Stage" = 'intake', "Revision" = "Revision" + 1
WHERE "DefinitionName" = 'appeal' AND "DefinitionVersion" = 1 AND "Stage" IN ('hr_review', 'decision', 'awaiting_restoration');
UPDATE complaints_workflow_instances SET "DefinitionVersion" = 2, "Revision" = "Revision" + 1
WHERE "DefinitionName" = 'appeal' AND "DefinitionVersion" = 1;
