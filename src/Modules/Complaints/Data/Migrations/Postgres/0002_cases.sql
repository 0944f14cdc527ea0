-- Cases with their reference numbers and tracking tokens; appeal details (R8, R9), Human Rights Code reviews and
-- decisions; Code of Conduct complaints (R10, R16) and their reports; the timeline and evidence.

CREATE TABLE complaints_cases (
    "Id" uuid NOT NULL,
    "MunicipalityId" uuid NOT NULL,
    "Reference" character varying(20) NOT NULL,
    "Kind" integer NOT NULL,
    "Status" integer NOT NULL,
    "SubmittedAt" timestamp with time zone NOT NULL,
    "TrackingTokenHash" character varying(64) NOT NULL,
    "ProtectedTrackingToken" character varying(1000) NOT NULL,
    "SubmissionId" uuid,
    "ContactName" character varying(200) NOT NULL,
    "ContactEmail" character varying(256) NOT NULL,
    "AssignedToUserId" uuid,
    "AssignedToName" character varying(256),
    CONSTRAINT "PK_complaints_cases" PRIMARY KEY ("Id")
);

CREATE TABLE complaints_reference_counters (
    "Prefix" character varying(3) NOT NULL,
    "Year" integer NOT NULL,
    "Last" integer NOT NULL,
    CONSTRAINT "PK_complaints_reference_counters" PRIMARY KEY ("Prefix", "Year")
);

CREATE TABLE complaints_appeal_decisions (
    "CaseId" uuid NOT NULL,
    "Outcome" character varying(40) NOT NULL,
    "Reasons" character varying(8000) NOT NULL,
    "RuleRelied" character varying(60) NOT NULL,
    "DecidedBy" character varying(256) NOT NULL,
    "DecidedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_complaints_appeal_decisions" PRIMARY KEY ("CaseId"),
    CONSTRAINT "FK_complaints_appeal_decisions_complaints_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES complaints_cases ("Id") ON DELETE CASCADE
);

CREATE TABLE complaints_appeals (
    "CaseId" uuid NOT NULL,
    "AccountId" uuid,
    "AccountDescription" character varying(500),
    "PlatformHandle" character varying(200),
    "Subject" integer NOT NULL,
    "HappenedOn" date NOT NULL,
    "ContentPosted" character varying(10000),
    "ReasonGiven" character varying(2000),
    "Grounds" character varying(500) NOT NULL,
    "ConsentedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_complaints_appeals" PRIMARY KEY ("CaseId"),
    CONSTRAINT "FK_complaints_appeals_complaints_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES complaints_cases ("Id") ON DELETE CASCADE
);

CREATE TABLE complaints_code_of_conduct (
    "CaseId" uuid NOT NULL,
    "MemberUserId" uuid NOT NULL,
    "MemberName" character varying(200) NOT NULL,
    "PostLinks" character varying(4000) NOT NULL,
    "Articles" character varying(2000) NOT NULL,
    "WhatHappened" character varying(10000) NOT NULL,
    "Phone" character varying(40),
    "PostalAddress" character varying(500),
    "DeclarationName" character varying(200) NOT NULL,
    "DeclaredAt" timestamp with time zone NOT NULL,
    "AllegesDiscrimination" boolean NOT NULL,
    "HeldUntil" date,
    "MemberNotifiedAt" timestamp with time zone,
    CONSTRAINT "PK_complaints_code_of_conduct" PRIMARY KEY ("CaseId"),
    CONSTRAINT "FK_complaints_code_of_conduct_complaints_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES complaints_cases ("Id") ON DELETE CASCADE
);

CREATE TABLE complaints_evidence (
    "Id" uuid NOT NULL,
    "CaseId" uuid NOT NULL,
    "MunicipalityId" uuid NOT NULL,
    "FileName" character varying(200) NOT NULL,
    "ContentType" character varying(100) NOT NULL,
    "Size" bigint NOT NULL,
    "Sha256" character varying(64) NOT NULL,
    "UploadedAt" timestamp with time zone NOT NULL,
    "UploadedBy" character varying(256) NOT NULL,
    CONSTRAINT "PK_complaints_evidence" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_complaints_evidence_complaints_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES complaints_cases ("Id") ON DELETE CASCADE
);

CREATE TABLE complaints_human_rights_reviews (
    "CaseId" uuid NOT NULL,
    "Assessments" character varying(8000) NOT NULL,
    "Pattern" character varying(4000) NOT NULL,
    "Finding" character varying(4000) NOT NULL,
    "AdverseEffectFound" boolean NOT NULL,
    "ReviewedBy" character varying(256) NOT NULL,
    "ReviewedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_complaints_human_rights_reviews" PRIMARY KEY ("CaseId"),
    CONSTRAINT "FK_complaints_human_rights_reviews_complaints_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES complaints_cases ("Id") ON DELETE CASCADE
);

CREATE TABLE complaints_reports (
    "CaseId" uuid NOT NULL,
    "DraftText" character varying(50000) NOT NULL,
    "DraftSentAt" timestamp with time zone,
    "MemberComment" character varying(20000),
    "FinalText" character varying(50000),
    "RecommendedSanction" character varying(2000),
    "FinalIssuedAt" timestamp with time zone,
    "IssuedBy" character varying(256) NOT NULL,
    "CouncilDecision" character varying(40),
    "PaySuspensionDays" integer,
    "RemedialMeasures" character varying(4000),
    "CouncilDecidedOn" date,
    "PublishedAt" timestamp with time zone,
    CONSTRAINT "PK_complaints_reports" PRIMARY KEY ("CaseId"),
    CONSTRAINT "FK_complaints_reports_complaints_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES complaints_cases ("Id") ON DELETE CASCADE
);

CREATE TABLE complaints_timeline (
    "Id" uuid NOT NULL,
    "CaseId" uuid NOT NULL,
    "MunicipalityId" uuid NOT NULL,
    "At" timestamp with time zone NOT NULL,
    "Visibility" integer NOT NULL,
    "Text" character varying(4000) NOT NULL,
    "By" character varying(256) NOT NULL,
    CONSTRAINT "PK_complaints_timeline" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_complaints_timeline_complaints_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES complaints_cases ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_complaints_cases_MunicipalityId_SubmissionId" ON complaints_cases ("MunicipalityId", "SubmissionId");

CREATE UNIQUE INDEX "IX_complaints_cases_Reference" ON complaints_cases ("Reference");

CREATE INDEX "IX_complaints_code_of_conduct_MemberUserId" ON complaints_code_of_conduct ("MemberUserId");

CREATE INDEX "IX_complaints_evidence_CaseId" ON complaints_evidence ("CaseId");

CREATE INDEX "IX_complaints_timeline_CaseId_At" ON complaints_timeline ("CaseId", "At");
