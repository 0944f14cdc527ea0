-- Issue 12: the IC's protocol (R12, R16), appeals routed to the account's owner (R9), a fair process (R16).
-- @include workflow_due_explanation

CREATE TABLE complaints_protocols (
    "MunicipalityId" uuid NOT NULL,
    "ElectionProtocol" integer NOT NULL,
    "WindowDaysBeforeNominationDay" integer NOT NULL,
    "WindowDaysAfterVotingDay" integer NOT NULL,
    "WindowForByElections" boolean NOT NULL,
    "TimeLimitDays" integer NOT NULL,
    "Declaration" integer NOT NULL,
    "NameMemberOnlyOnBreach" boolean NOT NULL,
    "AppealEscalationDays" integer NOT NULL,
    "AppealReviewerUserId" uuid,
    "LocalBoards" character varying(2000),
    "PrivacyContact" character varying(500),
    "UpdatedBy" character varying(256) NOT NULL,
    "UpdatedAt" timestamp with time zone,
    CONSTRAINT "PK_complaints_protocols" PRIMARY KEY ("MunicipalityId")
);

ALTER TABLE complaints_cases ADD "TerminatedAt" timestamp with time zone;
ALTER TABLE complaints_cases ADD "RestartBy" date;
ALTER TABLE complaints_cases ADD "RestartRequestedAt" timestamp with time zone;
ALTER TABLE complaints_cases ADD "RestartRequestedBy" character varying(256);

ALTER TABLE complaints_appeals ADD "OwnerKind" integer NOT NULL DEFAULT 0;
ALTER TABLE complaints_appeals ADD "OwnerUserId" uuid;
ALTER TABLE complaints_appeals ADD "OwnerName" character varying(200);
ALTER TABLE complaints_appeals ADD "ActionId" uuid;
ALTER TABLE complaints_appeals ADD "ActedByUserId" uuid;
ALTER TABLE complaints_appeals ADD "RoutedAt" timestamp with time zone;
ALTER TABLE complaints_appeals ADD "EscalatedTo" integer;
ALTER TABLE complaints_appeals ADD "EscalatedAt" timestamp with time zone;
ALTER TABLE complaints_appeals ADD "EscalationReason" character varying(4000);
ALTER TABLE complaints_appeals ADD "LinkedComplaintReference" character varying(20);
ALTER TABLE complaints_appeals ADD "EscalateBy" date;

ALTER TABLE complaints_appeal_decisions ADD "GroundAnswers" character varying(20000);
ALTER TABLE complaints_appeal_decisions ADD "RestoredAt" timestamp with time zone;
ALTER TABLE complaints_appeal_decisions ADD "ReviewOutcome" character varying(40);
ALTER TABLE complaints_appeal_decisions ADD "ReviewReasons" character varying(8000);
ALTER TABLE complaints_appeal_decisions ADD "ReviewedBy" character varying(256);
ALTER TABLE complaints_appeal_decisions ADD "ReviewedAt" timestamp with time zone;

ALTER TABLE complaints_reports ADD "MemberResponse" character varying(20000);
ALTER TABLE complaints_reports ADD "SharedResponse" character varying(20000);
ALTER TABLE complaints_reports ADD "ResponseRedactionReason" character varying(2000);
ALTER TABLE complaints_reports ADD "BreachFound" boolean;
ALTER TABLE complaints_reports ADD "MemberNamed" boolean NOT NULL DEFAULT TRUE;
ALTER TABLE complaints_reports ADD "Reprimand" boolean NOT NULL DEFAULT FALSE;
ALTER TABLE complaints_reports ADD "Measures" character varying(200);
ALTER TABLE complaints_reports ADD "ResolutionNumber" character varying(60);

ALTER TABLE complaints_code_of_conduct ALTER COLUMN "MemberUserId" DROP NOT NULL;
ALTER TABLE complaints_code_of_conduct ADD "LocalBoard" character varying(200);
ALTER TABLE complaints_code_of_conduct ADD "ComplainantKind" integer NOT NULL DEFAULT 1;
ALTER TABLE complaints_code_of_conduct ADD "ConductOn" date;
ALTER TABLE complaints_code_of_conduct ADD "AwareOn" date;
ALTER TABLE complaints_code_of_conduct ADD "FiledLate" boolean NOT NULL DEFAULT FALSE;
ALTER TABLE complaints_code_of_conduct ADD "LateReason" character varying(4000);
ALTER TABLE complaints_code_of_conduct ADD "DeclarationKind" integer NOT NULL DEFAULT 1;
ALTER TABLE complaints_code_of_conduct ADD "CommissionedBy" character varying(200);
ALTER TABLE complaints_code_of_conduct ADD "CommissionedOn" date;
ALTER TABLE complaints_code_of_conduct ADD "NameWithheldReason" character varying(2000);
ALTER TABLE complaints_code_of_conduct ADD "Disposition" integer;
ALTER TABLE complaints_code_of_conduct ADD "LeadReference" character varying(20);
ALTER TABLE complaints_code_of_conduct ADD "WithdrawalRequestedAt" timestamp with time zone;
ALTER TABLE complaints_code_of_conduct ADD "WithdrawalReason" character varying(4000);
ALTER TABLE complaints_code_of_conduct ADD "FromAppealReference" character varying(20);

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
