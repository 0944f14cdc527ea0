-- Elections: tracked elections (R12 overrides, by-elections), candidates, campaign plans, the R11 checklist, re-checks and members' tasks.
CREATE TABLE "elections_candidates" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_elections_candidates" PRIMARY KEY,
    "MunicipalityId" TEXT NOT NULL,
    "ElectionId" TEXT NOT NULL,
    "MemberUserId" TEXT NOT NULL,
    "MemberName" TEXT NOT NULL,
    "MemberEmail" TEXT NOT NULL,
    "Office" TEXT NOT NULL,
    "IntendedFilingDate" TEXT NULL,
    "ActualFilingDate" TEXT NULL,
    "CreatedAt" INTEGER NOT NULL
);

CREATE TABLE "elections_elections" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_elections_elections" PRIMARY KEY,
    "MunicipalityId" TEXT NOT NULL,
    "Kind" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "NominationPeriodOpens" TEXT NOT NULL,
    "NominationDay" TEXT NOT NULL,
    "VotingDay" TEXT NOT NULL,
    "TermStarts" TEXT NOT NULL,
    "CampaignPeriodEnds" TEXT NOT NULL,
    "OverrideReason" TEXT NULL,
    "CreatedAt" INTEGER NOT NULL
);

CREATE TABLE "elections_member_tasks" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_elections_member_tasks" PRIMARY KEY,
    "MunicipalityId" TEXT NOT NULL,
    "CandidateId" TEXT NOT NULL,
    "Key" TEXT NOT NULL,
    "Kind" INTEGER NOT NULL,
    "DueOn" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Body" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "DoneAt" INTEGER NULL
);

CREATE TABLE "elections_campaign_plans" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_elections_campaign_plans" PRIMARY KEY,
    "MunicipalityId" TEXT NOT NULL,
    "CandidateId" TEXT NOT NULL,
    "AccountId" TEXT NOT NULL,
    "AccountLabel" TEXT NOT NULL,
    "Choice" INTEGER NOT NULL,
    "CampaignAccountId" TEXT NULL,
    "CampaignAccountLabel" TEXT NULL,
    "RestoredAt" INTEGER NULL,
    "RestoredBy" TEXT NULL,
    "UpdatedAt" INTEGER NOT NULL,
    CONSTRAINT "FK_elections_campaign_plans_elections_candidates_CandidateId" FOREIGN KEY ("CandidateId") REFERENCES "elections_candidates" ("Id") ON DELETE CASCADE
);

CREATE TABLE "elections_checklist_items" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_elections_checklist_items" PRIMARY KEY,
    "MunicipalityId" TEXT NOT NULL,
    "PlanId" TEXT NOT NULL,
    "Code" TEXT NOT NULL,
    "Order" INTEGER NOT NULL,
    "CompletedAt" INTEGER NULL,
    "CompletedBy" TEXT NULL,
    "Note" TEXT NULL,
    "EvidenceUrl" TEXT NULL,
    "EvidenceFileName" TEXT NULL,
    "EvidenceContentType" TEXT NULL,
    "EvidenceSha256" TEXT NULL,
    "VerifiedAt" INTEGER NULL,
    "VerifiedBy" TEXT NULL,
    CONSTRAINT "FK_elections_checklist_items_elections_campaign_plans_PlanId" FOREIGN KEY ("PlanId") REFERENCES "elections_campaign_plans" ("Id") ON DELETE CASCADE
);

CREATE TABLE "elections_rechecks" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_elections_rechecks" PRIMARY KEY,
    "MunicipalityId" TEXT NOT NULL,
    "PlanId" TEXT NOT NULL,
    "RecordedAt" INTEGER NOT NULL,
    "RecordedBy" TEXT NOT NULL,
    "Compliant" INTEGER NOT NULL,
    "Note" TEXT NOT NULL,
    CONSTRAINT "FK_elections_rechecks_elections_campaign_plans_PlanId" FOREIGN KEY ("PlanId") REFERENCES "elections_campaign_plans" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_elections_campaign_plans_CandidateId_AccountId" ON "elections_campaign_plans" ("CandidateId", "AccountId");

CREATE UNIQUE INDEX "IX_elections_candidates_ElectionId_MemberUserId" ON "elections_candidates" ("ElectionId", "MemberUserId");

CREATE UNIQUE INDEX "IX_elections_checklist_items_PlanId_Code" ON "elections_checklist_items" ("PlanId", "Code");

CREATE INDEX "IX_elections_elections_MunicipalityId_VotingDay_Kind" ON "elections_elections" ("MunicipalityId", "VotingDay", "Kind");

CREATE UNIQUE INDEX "IX_elections_member_tasks_CandidateId_Key" ON "elections_member_tasks" ("CandidateId", "Key");

CREATE INDEX "IX_elections_rechecks_PlanId" ON "elections_rechecks" ("PlanId");
