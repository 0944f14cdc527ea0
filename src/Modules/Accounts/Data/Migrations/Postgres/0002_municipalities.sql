-- Municipalities and which staff serve each (tenancy).

CREATE TABLE accounts_municipalities (
    "Id" uuid NOT NULL,
    "Name" character varying(200) NOT NULL,
    "Slug" character varying(100) NOT NULL,
    "TimeZone" character varying(64) NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_accounts_municipalities" PRIMARY KEY ("Id")
);

CREATE TABLE accounts_staff_assignments (
    "UserId" uuid NOT NULL,
    "MunicipalityId" uuid NOT NULL,
    CONSTRAINT "PK_accounts_staff_assignments" PRIMARY KEY ("UserId", "MunicipalityId"),
    CONSTRAINT "FK_accounts_staff_assignments_accounts_municipalities_Municipa~" FOREIGN KEY ("MunicipalityId") REFERENCES accounts_municipalities ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_accounts_staff_assignments_accounts_users_UserId" FOREIGN KEY ("UserId") REFERENCES accounts_users ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_accounts_municipalities_Slug" ON accounts_municipalities ("Slug");

CREATE INDEX "IX_accounts_staff_assignments_MunicipalityId" ON accounts_staff_assignments ("MunicipalityId");
