-- Elections: tracked elections (R12 overrides, by-elections), candidates, campaign plans, the R11 checklist, re-checks and members' tasks.
CREATE TABLE elections_candidates (
    "Id" uuid NOT NULL,
    "MunicipalityId" uuid NOT NULL,
    "ElectionId" uuid NOT NULL,
    "MemberUserId" uuid NOT NULL,
    "MemberName" character varying(200) NOT NULL,
    "MemberEmail" character varying(256) NOT NULL,
    "Office" character varying(200) NOT NULL,
    "IntendedFilingDate" date,
    "ActualFilingDate" date,
    "CreatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_elections_candidates" PRIMARY KEY ("Id")
);

CREATE TABLE elections_elections (
    "Id" uuid NOT NULL,
    "MunicipalityId" uuid NOT NULL,
    "Kind" integer NOT NULL,
    "Name" character varying(200) NOT NULL,
    "NominationPeriodOpens" date NOT NULL,
    "NominationDay" date NOT NULL,
    "VotingDay" date NOT NULL,
    "TermStarts" date NOT NULL,
    "CampaignPeriodEnds" date NOT NULL,
    "OverrideReason" character varying(1000),
    "CreatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_elections_elections" PRIMARY KEY ("Id")
);

CREATE TABLE elections_member_tasks (
    "Id" uuid NOT NULL,
    "MunicipalityId" uuid NOT NULL,
    "CandidateId" uuid NOT NULL,
    "Key" character varying(100) NOT NULL,
    "Kind" integer NOT NULL,
    "DueOn" date NOT NULL,
    "Title" character varying(300) NOT NULL,
    "Body" character varying(4000) NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "DoneAt" timestamp with time zone,
    CONSTRAINT "PK_elections_member_tasks" PRIMARY KEY ("Id")
);

CREATE TABLE elections_campaign_plans (
    "Id" uuid NOT NULL,
    "MunicipalityId" uuid NOT NULL,
    "CandidateId" uuid NOT NULL,
    "AccountId" uuid NOT NULL,
    "AccountLabel" character varying(300) NOT NULL,
    "Choice" integer NOT NULL,
    "CampaignAccountId" uuid,
    "CampaignAccountLabel" character varying(300),
    "RestoredAt" timestamp with time zone,
    "RestoredBy" character varying(256),
    "UpdatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_elections_campaign_plans" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_elections_campaign_plans_elections_candidates_CandidateId" FOREIGN KEY ("CandidateId") REFERENCES elections_candidates ("Id") ON DELETE CASCADE
);

CREATE TABLE elections_checklist_items (
    "Id" uuid NOT NULL,
    "MunicipalityId" uuid NOT NULL,
    "PlanId" uuid NOT NULL,
    "Code" character varying(10) NOT NULL,
    "Order" integer NOT NULL,
    "CompletedAt" timestamp with time zone,
    "CompletedBy" character varying(256),
    "Note" character varying(2000),
    "EvidenceUrl" character varying(500),
    "EvidenceFileName" character varying(255),
    "EvidenceContentType" character varying(100),
    "EvidenceSha256" character varying(64),
    "VerifiedAt" timestamp with time zone,
    "VerifiedBy" character varying(256),
    CONSTRAINT "PK_elections_checklist_items" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_elections_checklist_items_elections_campaign_plans_PlanId" FOREIGN KEY ("PlanId") REFERENCES elections_campaign_plans ("Id") ON DELETE CASCADE
);

CREATE TABLE elections_rechecks (
    "Id" uuid NOT NULL,
    "MunicipalityId" uuid NOT NULL,
    "PlanId" uuid NOT NULL,
    "RecordedAt" timestamp with time zone NOT NULL,
    "RecordedBy" character varying(256) NOT NULL,
    "Compliant" boolean NOT NULL,
    "Note" character varying(2000) NOT NULL,
    CONSTRAINT "PK_elections_rechecks" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_elections_rechecks_elections_campaign_plans_PlanId" FOREIGN KEY ("PlanId") REFERENCES elections_campaign_plans ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_elections_campaign_plans_CandidateId_AccountId" ON elections_campaign_plans ("CandidateId", "AccountId");

CREATE UNIQUE INDEX "IX_elections_candidates_ElectionId_MemberUserId" ON elections_candidates ("ElectionId", "MemberUserId");

CREATE UNIQUE INDEX "IX_elections_checklist_items_PlanId_Code" ON elections_checklist_items ("PlanId", "Code");

CREATE INDEX "IX_elections_elections_MunicipalityId_VotingDay_Kind" ON elections_elections ("MunicipalityId", "VotingDay", "Kind");

CREATE UNIQUE INDEX "IX_elections_member_tasks_CandidateId_Key" ON elections_member_tasks ("CandidateId", "Key");

CREATE INDEX "IX_elections_rechecks_PlanId" ON elections_rechecks ("PlanId");
