-- Cases with their reference numbers and tracking tokens; appeal details (R8, R9), Human Rights Code reviews and
-- decisions; Code of Conduct complaints (R10, R16) and their reports; the timeline and evidence.

CREATE TABLE "complaints_cases" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_complaints_cases" PRIMARY KEY,
    "MunicipalityId" TEXT NOT NULL,
    "Reference" TEXT NOT NULL,
    "Kind" INTEGER NOT NULL,
    "Status" INTEGER NOT NULL,
    "SubmittedAt" INTEGER NOT NULL,
    "TrackingTokenHash" TEXT NOT NULL,
    "ProtectedTrackingToken" TEXT NOT NULL,
    "SubmissionId" TEXT NULL,
    "ContactName" TEXT NOT NULL,
    "ContactEmail" TEXT NOT NULL,
    "AssignedToUserId" TEXT NULL,
    "AssignedToName" TEXT NULL
);

CREATE TABLE "complaints_reference_counters" (
    "Prefix" TEXT NOT NULL,
    "Year" INTEGER NOT NULL,
    "Last" INTEGER NOT NULL,
    CONSTRAINT "PK_complaints_reference_counters" PRIMARY KEY ("Prefix", "Year")
);

CREATE TABLE "complaints_appeal_decisions" (
    "CaseId" TEXT NOT NULL CONSTRAINT "PK_complaints_appeal_decisions" PRIMARY KEY,
    "Outcome" TEXT NOT NULL,
    "Reasons" TEXT NOT NULL,
    "RuleRelied" TEXT NOT NULL,
    "DecidedBy" TEXT NOT NULL,
    "DecidedAt" INTEGER NOT NULL,
    CONSTRAINT "FK_complaints_appeal_decisions_complaints_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES "complaints_cases" ("Id") ON DELETE CASCADE
);

CREATE TABLE "complaints_appeals" (
    "CaseId" TEXT NOT NULL CONSTRAINT "PK_complaints_appeals" PRIMARY KEY,
    "AccountId" TEXT NULL,
    "AccountDescription" TEXT NULL,
    "PlatformHandle" TEXT NULL,
    "Subject" INTEGER NOT NULL,
    "HappenedOn" TEXT NOT NULL,
    "ContentPosted" TEXT NULL,
    "ReasonGiven" TEXT NULL,
    "Grounds" TEXT NOT NULL,
    "ConsentedAt" INTEGER NOT NULL,
    CONSTRAINT "FK_complaints_appeals_complaints_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES "complaints_cases" ("Id") ON DELETE CASCADE
);

CREATE TABLE "complaints_code_of_conduct" (
    "CaseId" TEXT NOT NULL CONSTRAINT "PK_complaints_code_of_conduct" PRIMARY KEY,
    "MemberUserId" TEXT NOT NULL,
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
    CONSTRAINT "FK_complaints_code_of_conduct_complaints_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES "complaints_cases" ("Id") ON DELETE CASCADE
);

CREATE TABLE "complaints_evidence" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_complaints_evidence" PRIMARY KEY,
    "CaseId" TEXT NOT NULL,
    "MunicipalityId" TEXT NOT NULL,
    "FileName" TEXT NOT NULL,
    "ContentType" TEXT NOT NULL,
    "Size" INTEGER NOT NULL,
    "Sha256" TEXT NOT NULL,
    "UploadedAt" INTEGER NOT NULL,
    "UploadedBy" TEXT NOT NULL,
    CONSTRAINT "FK_complaints_evidence_complaints_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES "complaints_cases" ("Id") ON DELETE CASCADE
);

CREATE TABLE "complaints_human_rights_reviews" (
    "CaseId" TEXT NOT NULL CONSTRAINT "PK_complaints_human_rights_reviews" PRIMARY KEY,
    "Assessments" TEXT NOT NULL,
    "Pattern" TEXT NOT NULL,
    "Finding" TEXT NOT NULL,
    "AdverseEffectFound" INTEGER NOT NULL,
    "ReviewedBy" TEXT NOT NULL,
    "ReviewedAt" INTEGER NOT NULL,
    CONSTRAINT "FK_complaints_human_rights_reviews_complaints_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES "complaints_cases" ("Id") ON DELETE CASCADE
);

CREATE TABLE "complaints_reports" (
    "CaseId" TEXT NOT NULL CONSTRAINT "PK_complaints_reports" PRIMARY KEY,
    "DraftText" TEXT NOT NULL,
    "DraftSentAt" INTEGER NULL,
    "MemberComment" TEXT NULL,
    "FinalText" TEXT NULL,
    "RecommendedSanction" TEXT NULL,
    "FinalIssuedAt" INTEGER NULL,
    "IssuedBy" TEXT NOT NULL,
    "CouncilDecision" TEXT NULL,
    "PaySuspensionDays" INTEGER NULL,
    "RemedialMeasures" TEXT NULL,
    "CouncilDecidedOn" TEXT NULL,
    "PublishedAt" INTEGER NULL,
    CONSTRAINT "FK_complaints_reports_complaints_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES "complaints_cases" ("Id") ON DELETE CASCADE
);

CREATE TABLE "complaints_timeline" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_complaints_timeline" PRIMARY KEY,
    "CaseId" TEXT NOT NULL,
    "MunicipalityId" TEXT NOT NULL,
    "At" INTEGER NOT NULL,
    "Visibility" INTEGER NOT NULL,
    "Text" TEXT NOT NULL,
    "By" TEXT NOT NULL,
    CONSTRAINT "FK_complaints_timeline_complaints_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES "complaints_cases" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_complaints_cases_MunicipalityId_SubmissionId" ON "complaints_cases" ("MunicipalityId", "SubmissionId");

CREATE UNIQUE INDEX "IX_complaints_cases_Reference" ON "complaints_cases" ("Reference");

CREATE INDEX "IX_complaints_code_of_conduct_MemberUserId" ON "complaints_code_of_conduct" ("MemberUserId");

CREATE INDEX "IX_complaints_evidence_CaseId" ON "complaints_evidence" ("CaseId");

CREATE INDEX "IX_complaints_timeline_CaseId_At" ON "complaints_timeline" ("CaseId", "At");
