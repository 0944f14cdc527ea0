-- Server-side sessions (sign-out, idle and absolute limits), sign-in and account-mail limits, and the
-- municipality's two-step sign-in requirement.

ALTER TABLE accounts_municipalities ADD "RequireTwoFactor" INTEGER NOT NULL DEFAULT 0;

CREATE TABLE "accounts_sessions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_accounts_sessions" PRIMARY KEY,
    "UserId" TEXT NOT NULL,
    "StartedAt" INTEGER NOT NULL,
    "LastSeenAt" INTEGER NOT NULL,
    "ExpiresAt" INTEGER NOT NULL,
    "EndedAt" INTEGER NULL,
    "EndReason" TEXT NULL,
    "Address" TEXT NULL,
    "RefreshGeneration" INTEGER NOT NULL,
    CONSTRAINT "FK_accounts_sessions_accounts_users_UserId" FOREIGN KEY ("UserId") REFERENCES "accounts_users" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_accounts_sessions_UserId_EndedAt" ON "accounts_sessions" ("UserId", "EndedAt");

CREATE TABLE "accounts_security_attempts" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_accounts_security_attempts" PRIMARY KEY,
    "Kind" TEXT NOT NULL,
    "Account" TEXT NOT NULL,
    "Address" TEXT NOT NULL,
    "At" INTEGER NOT NULL
);

CREATE INDEX "IX_accounts_security_attempts_Kind_Account_At" ON "accounts_security_attempts" ("Kind", "Account", "At");
CREATE INDEX "IX_accounts_security_attempts_Kind_Address_At" ON "accounts_security_attempts" ("Kind", "Address", "At");
