-- Municipalities and which staff serve each (tenancy).

CREATE TABLE "accounts_municipalities" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_accounts_municipalities" PRIMARY KEY,
    "Name" TEXT NOT NULL,
    "Slug" TEXT NOT NULL,
    "TimeZone" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL
);

CREATE TABLE "accounts_staff_assignments" (
    "UserId" TEXT NOT NULL,
    "MunicipalityId" TEXT NOT NULL,
    CONSTRAINT "PK_accounts_staff_assignments" PRIMARY KEY ("UserId", "MunicipalityId"),
    CONSTRAINT "FK_accounts_staff_assignments_accounts_municipalities_MunicipalityId" FOREIGN KEY ("MunicipalityId") REFERENCES "accounts_municipalities" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_accounts_staff_assignments_accounts_users_UserId" FOREIGN KEY ("UserId") REFERENCES "accounts_users" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_accounts_municipalities_Slug" ON "accounts_municipalities" ("Slug");

CREATE INDEX "IX_accounts_staff_assignments_MunicipalityId" ON "accounts_staff_assignments" ("MunicipalityId");
