-- Server-side sessions (sign-out, idle and absolute limits), sign-in and account-mail limits, and the
-- municipality's two-step sign-in requirement.

ALTER TABLE accounts_municipalities ADD "RequireTwoFactor" boolean NOT NULL DEFAULT FALSE;

CREATE TABLE accounts_sessions (
    "Id" uuid NOT NULL,
    "UserId" uuid NOT NULL,
    "StartedAt" timestamp with time zone NOT NULL,
    "LastSeenAt" timestamp with time zone NOT NULL,
    "ExpiresAt" timestamp with time zone NOT NULL,
    "EndedAt" timestamp with time zone NULL,
    "EndReason" character varying(100) NULL,
    "Address" character varying(64) NULL,
    "RefreshGeneration" integer NOT NULL,
    CONSTRAINT "PK_accounts_sessions" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_accounts_sessions_accounts_users_UserId" FOREIGN KEY ("UserId") REFERENCES accounts_users ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_accounts_sessions_UserId_EndedAt" ON accounts_sessions ("UserId", "EndedAt");

CREATE TABLE accounts_security_attempts (
    "Id" uuid NOT NULL,
    "Kind" character varying(32) NOT NULL,
    "Account" character varying(256) NOT NULL,
    "Address" character varying(64) NOT NULL,
    "At" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_accounts_security_attempts" PRIMARY KEY ("Id")
);

CREATE INDEX "IX_accounts_security_attempts_Kind_Account_At" ON accounts_security_attempts ("Kind", "Account", "At");
CREATE INDEX "IX_accounts_security_attempts_Kind_Address_At" ON accounts_security_attempts ("Kind", "Address", "At");
