-- Prohibited-content rules (R3), Code of Conduct articles (R10), house rules with versions and element coverage (R2),
-- service levels and holidays (R14), acknowledgements (R17).

CREATE TABLE policies_acknowledgements (
    "Id" uuid NOT NULL,
    "MunicipalityId" uuid NOT NULL,
    "VersionId" uuid NOT NULL,
    "UserId" uuid NOT NULL,
    "Name" character varying(200) NOT NULL,
    "Position" character varying(200) NOT NULL,
    "Department" character varying(200) NOT NULL,
    "Signature" character varying(200) NOT NULL,
    "SignedOn" date NOT NULL,
    "RecordedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_policies_acknowledgements" PRIMARY KEY ("Id")
);

CREATE TABLE policies_code_articles (
    "Id" uuid NOT NULL,
    "MunicipalityId" uuid NOT NULL,
    "Number" character varying(20) NOT NULL,
    "Title" character varying(200) NOT NULL,
    "Summary" character varying(1000) NOT NULL,
    "Active" boolean NOT NULL,
    CONSTRAINT "PK_policies_code_articles" PRIMARY KEY ("Id")
);

CREATE TABLE policies_documents (
    "Id" uuid NOT NULL,
    "MunicipalityId" uuid NOT NULL,
    "AccountId" uuid,
    "Title" character varying(200) NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_policies_documents" PRIMARY KEY ("Id")
);

CREATE TABLE policies_holidays (
    "Id" uuid NOT NULL,
    "MunicipalityId" uuid NOT NULL,
    "Date" date NOT NULL,
    "Name" character varying(200) NOT NULL,
    CONSTRAINT "PK_policies_holidays" PRIMARY KEY ("Id")
);

CREATE TABLE policies_prohibited_content_rules (
    "Id" uuid NOT NULL,
    "MunicipalityId" uuid NOT NULL,
    "Code" character varying(60) NOT NULL,
    "Title" character varying(200) NOT NULL,
    "Description" character varying(1000) NOT NULL,
    "ReportToPolice" boolean NOT NULL,
    "Active" boolean NOT NULL,
    CONSTRAINT "PK_policies_prohibited_content_rules" PRIMARY KEY ("Id")
);

CREATE TABLE policies_service_levels (
    "MunicipalityId" uuid NOT NULL,
    "Opens" time without time zone NOT NULL,
    "Closes" time without time zone NOT NULL,
    "BusinessDays" character varying(100) NOT NULL,
    "ResponseTargetHours" integer NOT NULL,
    CONSTRAINT "PK_policies_service_levels" PRIMARY KEY ("MunicipalityId")
);

CREATE TABLE policies_versions (
    "Id" uuid NOT NULL,
    "DocumentId" uuid NOT NULL,
    "MunicipalityId" uuid NOT NULL,
    "Number" integer NOT NULL,
    "Status" integer NOT NULL,
    "Body" character varying(100000) NOT NULL,
    "EffectiveFrom" date,
    "PublishedAt" timestamp with time zone,
    "PublishedBy" character varying(256),
    "OverrideReason" character varying(2000),
    "UpdatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_policies_versions" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_policies_versions_policies_documents_DocumentId" FOREIGN KEY ("DocumentId") REFERENCES policies_documents ("Id") ON DELETE CASCADE
);

CREATE TABLE policies_element_coverage (
    "VersionId" uuid NOT NULL,
    "ElementCode" character varying(60) NOT NULL,
    "Section" character varying(300) NOT NULL,
    CONSTRAINT "PK_policies_element_coverage" PRIMARY KEY ("VersionId", "ElementCode"),
    CONSTRAINT "FK_policies_element_coverage_policies_versions_VersionId" FOREIGN KEY ("VersionId") REFERENCES policies_versions ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_policies_acknowledgements_VersionId_UserId" ON policies_acknowledgements ("VersionId", "UserId");

CREATE UNIQUE INDEX "IX_policies_code_articles_MunicipalityId_Title" ON policies_code_articles ("MunicipalityId", "Title");

CREATE INDEX "IX_policies_documents_MunicipalityId_AccountId" ON policies_documents ("MunicipalityId", "AccountId");

CREATE UNIQUE INDEX "IX_policies_holidays_MunicipalityId_Date" ON policies_holidays ("MunicipalityId", "Date");

CREATE UNIQUE INDEX "IX_policies_prohibited_content_rules_MunicipalityId_Code" ON policies_prohibited_content_rules ("MunicipalityId", "Code");

CREATE UNIQUE INDEX "IX_policies_versions_DocumentId_Number" ON policies_versions ("DocumentId", "Number");
