-- Prohibited-content rules (R3), Code of Conduct articles (R10), house rules with versions and element coverage (R2),
-- service levels and holidays (R14), acknowledgements (R17).

CREATE TABLE "policies_acknowledgements" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_policies_acknowledgements" PRIMARY KEY,
    "MunicipalityId" TEXT NOT NULL,
    "VersionId" TEXT NOT NULL,
    "UserId" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Position" TEXT NOT NULL,
    "Department" TEXT NOT NULL,
    "Signature" TEXT NOT NULL,
    "SignedOn" TEXT NOT NULL,
    "RecordedAt" INTEGER NOT NULL
);

CREATE TABLE "policies_code_articles" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_policies_code_articles" PRIMARY KEY,
    "MunicipalityId" TEXT NOT NULL,
    "Number" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Summary" TEXT NOT NULL,
    "Active" INTEGER NOT NULL
);

CREATE TABLE "policies_documents" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_policies_documents" PRIMARY KEY,
    "MunicipalityId" TEXT NOT NULL,
    "AccountId" TEXT NULL,
    "Title" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL
);

CREATE TABLE "policies_holidays" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_policies_holidays" PRIMARY KEY,
    "MunicipalityId" TEXT NOT NULL,
    "Date" TEXT NOT NULL,
    "Name" TEXT NOT NULL
);

CREATE TABLE "policies_prohibited_content_rules" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_policies_prohibited_content_rules" PRIMARY KEY,
    "MunicipalityId" TEXT NOT NULL,
    "Code" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Description" TEXT NOT NULL,
    "ReportToPolice" INTEGER NOT NULL,
    "Active" INTEGER NOT NULL
);

CREATE TABLE "policies_service_levels" (
    "MunicipalityId" TEXT NOT NULL CONSTRAINT "PK_policies_service_levels" PRIMARY KEY,
    "Opens" TEXT NOT NULL,
    "Closes" TEXT NOT NULL,
    "BusinessDays" TEXT NOT NULL,
    "ResponseTargetHours" INTEGER NOT NULL
);

CREATE TABLE "policies_versions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_policies_versions" PRIMARY KEY,
    "DocumentId" TEXT NOT NULL,
    "MunicipalityId" TEXT NOT NULL,
    "Number" INTEGER NOT NULL,
    "Status" INTEGER NOT NULL,
    "Body" TEXT NOT NULL,
    "EffectiveFrom" TEXT NULL,
    "PublishedAt" INTEGER NULL,
    "PublishedBy" TEXT NULL,
    "OverrideReason" TEXT NULL,
    "UpdatedAt" INTEGER NOT NULL,
    CONSTRAINT "FK_policies_versions_policies_documents_DocumentId" FOREIGN KEY ("DocumentId") REFERENCES "policies_documents" ("Id") ON DELETE CASCADE
);

CREATE TABLE "policies_element_coverage" (
    "VersionId" TEXT NOT NULL,
    "ElementCode" TEXT NOT NULL,
    "Section" TEXT NOT NULL,
    CONSTRAINT "PK_policies_element_coverage" PRIMARY KEY ("VersionId", "ElementCode"),
    CONSTRAINT "FK_policies_element_coverage_policies_versions_VersionId" FOREIGN KEY ("VersionId") REFERENCES "policies_versions" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_policies_acknowledgements_VersionId_UserId" ON "policies_acknowledgements" ("VersionId", "UserId");

CREATE UNIQUE INDEX "IX_policies_code_articles_MunicipalityId_Title" ON "policies_code_articles" ("MunicipalityId", "Title");

CREATE INDEX "IX_policies_documents_MunicipalityId_AccountId" ON "policies_documents" ("MunicipalityId", "AccountId");

CREATE UNIQUE INDEX "IX_policies_holidays_MunicipalityId_Date" ON "policies_holidays" ("MunicipalityId", "Date");

CREATE UNIQUE INDEX "IX_policies_prohibited_content_rules_MunicipalityId_Code" ON "policies_prohibited_content_rules" ("MunicipalityId", "Code");

CREATE UNIQUE INDEX "IX_policies_versions_DocumentId_Number" ON "policies_versions" ("DocumentId", "Number");
