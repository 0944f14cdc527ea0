-- Staff identity (ASP.NET Core Identity), the module's audit trail and outbox.
-- @include platform_tables

CREATE TABLE "accounts_roles" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_accounts_roles" PRIMARY KEY,
    "Name" TEXT NULL,
    "NormalizedName" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL
);

CREATE TABLE "accounts_users" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_accounts_users" PRIMARY KEY,
    "DisplayName" TEXT NOT NULL,
    "UserName" TEXT NULL,
    "NormalizedUserName" TEXT NULL,
    "Email" TEXT NULL,
    "NormalizedEmail" TEXT NULL,
    "EmailConfirmed" INTEGER NOT NULL,
    "PasswordHash" TEXT NULL,
    "SecurityStamp" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL,
    "PhoneNumber" TEXT NULL,
    "PhoneNumberConfirmed" INTEGER NOT NULL,
    "TwoFactorEnabled" INTEGER NOT NULL,
    "LockoutEnd" INTEGER NULL,
    "LockoutEnabled" INTEGER NOT NULL,
    "AccessFailedCount" INTEGER NOT NULL
);

CREATE TABLE "accounts_role_claims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_accounts_role_claims" PRIMARY KEY AUTOINCREMENT,
    "RoleId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_accounts_role_claims_accounts_roles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "accounts_roles" ("Id") ON DELETE CASCADE
);

CREATE TABLE "accounts_user_claims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_accounts_user_claims" PRIMARY KEY AUTOINCREMENT,
    "UserId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_accounts_user_claims_accounts_users_UserId" FOREIGN KEY ("UserId") REFERENCES "accounts_users" ("Id") ON DELETE CASCADE
);

CREATE TABLE "accounts_user_logins" (
    "LoginProvider" TEXT NOT NULL,
    "ProviderKey" TEXT NOT NULL,
    "ProviderDisplayName" TEXT NULL,
    "UserId" TEXT NOT NULL,
    CONSTRAINT "PK_accounts_user_logins" PRIMARY KEY ("LoginProvider", "ProviderKey"),
    CONSTRAINT "FK_accounts_user_logins_accounts_users_UserId" FOREIGN KEY ("UserId") REFERENCES "accounts_users" ("Id") ON DELETE CASCADE
);

CREATE TABLE "accounts_user_roles" (
    "UserId" TEXT NOT NULL,
    "RoleId" TEXT NOT NULL,
    CONSTRAINT "PK_accounts_user_roles" PRIMARY KEY ("UserId", "RoleId"),
    CONSTRAINT "FK_accounts_user_roles_accounts_roles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "accounts_roles" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_accounts_user_roles_accounts_users_UserId" FOREIGN KEY ("UserId") REFERENCES "accounts_users" ("Id") ON DELETE CASCADE
);

CREATE TABLE "accounts_user_tokens" (
    "UserId" TEXT NOT NULL,
    "LoginProvider" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Value" TEXT NULL,
    CONSTRAINT "PK_accounts_user_tokens" PRIMARY KEY ("UserId", "LoginProvider", "Name"),
    CONSTRAINT "FK_accounts_user_tokens_accounts_users_UserId" FOREIGN KEY ("UserId") REFERENCES "accounts_users" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_accounts_role_claims_RoleId" ON "accounts_role_claims" ("RoleId");

CREATE UNIQUE INDEX "RoleNameIndex" ON "accounts_roles" ("NormalizedName");

CREATE INDEX "IX_accounts_user_claims_UserId" ON "accounts_user_claims" ("UserId");

CREATE INDEX "IX_accounts_user_logins_UserId" ON "accounts_user_logins" ("UserId");

CREATE INDEX "IX_accounts_user_roles_RoleId" ON "accounts_user_roles" ("RoleId");

CREATE INDEX "EmailIndex" ON "accounts_users" ("NormalizedEmail");

CREATE UNIQUE INDEX "UserNameIndex" ON "accounts_users" ("NormalizedUserName");
