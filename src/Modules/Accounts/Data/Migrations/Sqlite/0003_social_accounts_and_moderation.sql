-- The account registry with its R1 classification history, the moderation log with evidence, the block register,
-- and the municipality's R5 threshold.

ALTER TABLE accounts_municipalities ADD "PriorViolationsBeforeBlock" INTEGER NOT NULL DEFAULT 2;

CREATE TABLE "accounts_social_accounts" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_accounts_social_accounts" PRIMARY KEY,
    "MunicipalityId" TEXT NOT NULL,
    "Platform" INTEGER NOT NULL,
    "Handle" TEXT NOT NULL,
    "ProfileUrl" TEXT NOT NULL,
    "Owner" INTEGER NOT NULL,
    "OwnerName" TEXT NOT NULL,
    "OwnerUserId" TEXT NULL,
    "Purpose" TEXT NOT NULL,
    "ResponsibleName" TEXT NOT NULL,
    "ResponsibleEmail" TEXT NOT NULL,
    "Classification" INTEGER NOT NULL,
    "CreatedAt" INTEGER NOT NULL
);

CREATE TABLE "accounts_blocks" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_accounts_blocks" PRIMARY KEY,
    "MunicipalityId" TEXT NOT NULL,
    "AccountId" TEXT NOT NULL,
    "TargetHandle" TEXT NOT NULL,
    "BlockActionId" TEXT NOT NULL,
    "StartedAt" INTEGER NOT NULL,
    "EndsOn" TEXT NULL,
    "ReviewOn" TEXT NULL,
    "ReminderSentAt" INTEGER NULL,
    "EndedAt" INTEGER NULL,
    "EndedByActionId" TEXT NULL,
    CONSTRAINT "FK_accounts_blocks_accounts_social_accounts_AccountId" FOREIGN KEY ("AccountId") REFERENCES "accounts_social_accounts" ("Id") ON DELETE CASCADE
);

CREATE TABLE "accounts_classification_history" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_accounts_classification_history" PRIMARY KEY,
    "AccountId" TEXT NOT NULL,
    "MunicipalityId" TEXT NOT NULL,
    "Since" INTEGER NOT NULL,
    "RecordedBy" TEXT NOT NULL,
    "FactsJson" TEXT NOT NULL,
    "Classification" INTEGER NOT NULL,
    "Fired" TEXT NOT NULL,
    "Explanation" TEXT NOT NULL,
    CONSTRAINT "FK_accounts_classification_history_accounts_social_accounts_AccountId" FOREIGN KEY ("AccountId") REFERENCES "accounts_social_accounts" ("Id") ON DELETE CASCADE
);

CREATE TABLE "accounts_moderation_actions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_accounts_moderation_actions" PRIMARY KEY,
    "MunicipalityId" TEXT NOT NULL,
    "AccountId" TEXT NOT NULL,
    "Kind" INTEGER NOT NULL,
    "TargetHandle" TEXT NOT NULL,
    "TargetProfileUrl" TEXT NULL,
    "PostUrl" TEXT NULL,
    "ContentAsPosted" TEXT NOT NULL,
    "OccurredAt" INTEGER NOT NULL,
    "RecordedAt" INTEGER NOT NULL,
    "ActorUserId" TEXT NULL,
    "ActorName" TEXT NOT NULL,
    "RuleId" TEXT NULL,
    "RuleCode" TEXT NOT NULL,
    "RuleTitle" TEXT NOT NULL,
    "CredibleThreat" INTEGER NOT NULL,
    "Justification" TEXT NULL,
    "RiskFlags" TEXT NOT NULL,
    "Notes" TEXT NULL,
    "RequestId" TEXT NULL,
    CONSTRAINT "FK_accounts_moderation_actions_accounts_social_accounts_AccountId" FOREIGN KEY ("AccountId") REFERENCES "accounts_social_accounts" ("Id") ON DELETE CASCADE
);

CREATE TABLE "accounts_evidence_files" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_accounts_evidence_files" PRIMARY KEY,
    "MunicipalityId" TEXT NOT NULL,
    "ModerationActionId" TEXT NOT NULL,
    "FileName" TEXT NOT NULL,
    "ContentType" TEXT NOT NULL,
    "Size" INTEGER NOT NULL,
    "Sha256" TEXT NOT NULL,
    "CapturedAt" INTEGER NOT NULL,
    "UploadedAt" INTEGER NOT NULL,
    "UploadedBy" TEXT NOT NULL,
    CONSTRAINT "FK_accounts_evidence_files_accounts_moderation_actions_ModerationActionId" FOREIGN KEY ("ModerationActionId") REFERENCES "accounts_moderation_actions" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_accounts_blocks_AccountId_TargetHandle_EndedAt" ON "accounts_blocks" ("AccountId", "TargetHandle", "EndedAt");

CREATE INDEX "IX_accounts_classification_history_AccountId_Since" ON "accounts_classification_history" ("AccountId", "Since");

CREATE INDEX "IX_accounts_evidence_files_ModerationActionId" ON "accounts_evidence_files" ("ModerationActionId");

CREATE INDEX "IX_accounts_moderation_actions_AccountId_TargetHandle_OccurredAt" ON "accounts_moderation_actions" ("AccountId", "TargetHandle", "OccurredAt");

CREATE UNIQUE INDEX "IX_accounts_moderation_actions_RequestId" ON "accounts_moderation_actions" ("RequestId");

CREATE UNIQUE INDEX "IX_accounts_social_accounts_MunicipalityId_Platform_Handle" ON "accounts_social_accounts" ("MunicipalityId", "Platform", "Handle");
