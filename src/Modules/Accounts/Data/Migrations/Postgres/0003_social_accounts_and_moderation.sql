-- The account registry with its R1 classification history, the moderation log with evidence, the block register,
-- and the municipality's R5 threshold.

ALTER TABLE accounts_municipalities ADD "PriorViolationsBeforeBlock" integer NOT NULL DEFAULT 2;

CREATE TABLE accounts_social_accounts (
    "Id" uuid NOT NULL,
    "MunicipalityId" uuid NOT NULL,
    "Platform" integer NOT NULL,
    "Handle" character varying(101) NOT NULL,
    "ProfileUrl" character varying(500) NOT NULL,
    "Owner" integer NOT NULL,
    "OwnerName" character varying(200) NOT NULL,
    "OwnerUserId" uuid,
    "Purpose" character varying(1000) NOT NULL,
    "ResponsibleName" character varying(200) NOT NULL,
    "ResponsibleEmail" character varying(256) NOT NULL,
    "Classification" integer NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_accounts_social_accounts" PRIMARY KEY ("Id")
);

CREATE TABLE accounts_blocks (
    "Id" uuid NOT NULL,
    "MunicipalityId" uuid NOT NULL,
    "AccountId" uuid NOT NULL,
    "TargetHandle" character varying(200) NOT NULL,
    "BlockActionId" uuid NOT NULL,
    "StartedAt" timestamp with time zone NOT NULL,
    "EndsOn" date,
    "ReviewOn" date,
    "ReminderSentAt" timestamp with time zone,
    "EndedAt" timestamp with time zone,
    "EndedByActionId" uuid,
    CONSTRAINT "PK_accounts_blocks" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_accounts_blocks_accounts_social_accounts_AccountId" FOREIGN KEY ("AccountId") REFERENCES accounts_social_accounts ("Id") ON DELETE CASCADE
);

CREATE TABLE accounts_classification_history (
    "Id" uuid NOT NULL,
    "AccountId" uuid NOT NULL,
    "MunicipalityId" uuid NOT NULL,
    "Since" timestamp with time zone NOT NULL,
    "RecordedBy" character varying(256) NOT NULL,
    "FactsJson" character varying(20000) NOT NULL,
    "Classification" integer NOT NULL,
    "Fired" character varying(1000) NOT NULL,
    "Explanation" character varying(2000) NOT NULL,
    CONSTRAINT "PK_accounts_classification_history" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_accounts_classification_history_accounts_social_accounts_Ac~" FOREIGN KEY ("AccountId") REFERENCES accounts_social_accounts ("Id") ON DELETE CASCADE
);

CREATE TABLE accounts_moderation_actions (
    "Id" uuid NOT NULL,
    "MunicipalityId" uuid NOT NULL,
    "AccountId" uuid NOT NULL,
    "Kind" integer NOT NULL,
    "TargetHandle" character varying(200) NOT NULL,
    "TargetProfileUrl" character varying(500),
    "PostUrl" character varying(500),
    "ContentAsPosted" character varying(20000) NOT NULL,
    "OccurredAt" timestamp with time zone NOT NULL,
    "RecordedAt" timestamp with time zone NOT NULL,
    "ActorUserId" uuid,
    "ActorName" character varying(256) NOT NULL,
    "RuleId" uuid,
    "RuleCode" character varying(60) NOT NULL,
    "RuleTitle" character varying(200) NOT NULL,
    "CredibleThreat" boolean NOT NULL,
    "Justification" character varying(4000),
    "RiskFlags" character varying(200) NOT NULL,
    "Notes" character varying(4000),
    "RequestId" uuid,
    CONSTRAINT "PK_accounts_moderation_actions" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_accounts_moderation_actions_accounts_social_accounts_Accoun~" FOREIGN KEY ("AccountId") REFERENCES accounts_social_accounts ("Id") ON DELETE CASCADE
);

CREATE TABLE accounts_evidence_files (
    "Id" uuid NOT NULL,
    "MunicipalityId" uuid NOT NULL,
    "ModerationActionId" uuid NOT NULL,
    "FileName" character varying(200) NOT NULL,
    "ContentType" character varying(100) NOT NULL,
    "Size" bigint NOT NULL,
    "Sha256" character varying(64) NOT NULL,
    "CapturedAt" timestamp with time zone NOT NULL,
    "UploadedAt" timestamp with time zone NOT NULL,
    "UploadedBy" character varying(256) NOT NULL,
    CONSTRAINT "PK_accounts_evidence_files" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_accounts_evidence_files_accounts_moderation_actions_Moderat~" FOREIGN KEY ("ModerationActionId") REFERENCES accounts_moderation_actions ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_accounts_blocks_AccountId_TargetHandle_EndedAt" ON accounts_blocks ("AccountId", "TargetHandle", "EndedAt");

CREATE INDEX "IX_accounts_classification_history_AccountId_Since" ON accounts_classification_history ("AccountId", "Since");

CREATE INDEX "IX_accounts_evidence_files_ModerationActionId" ON accounts_evidence_files ("ModerationActionId");

CREATE INDEX "IX_accounts_moderation_actions_AccountId_TargetHandle_Occurred~" ON accounts_moderation_actions ("AccountId", "TargetHandle", "OccurredAt");

CREATE UNIQUE INDEX "IX_accounts_moderation_actions_RequestId" ON accounts_moderation_actions ("RequestId");

CREATE UNIQUE INDEX "IX_accounts_social_accounts_MunicipalityId_Platform_Handle" ON accounts_social_accounts ("MunicipalityId", "Platform", "Handle");
