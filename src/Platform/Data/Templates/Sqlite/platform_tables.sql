-- Every module's audit trail and outbox, with the module's table prefix filled in ({prefix}); included by a module's first migration.
-- PostgreSQL names longer than 63 characters are cut as EF Core cuts them (62 characters and "~").

CREATE TABLE "{prefix}_audit_entries" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_{prefix}_audit_entries" PRIMARY KEY,
    "Sequence" INTEGER NOT NULL,
    "At" INTEGER NOT NULL,
    "ActorId" TEXT NULL,
    "Actor" TEXT NOT NULL,
    "Address" TEXT NULL,
    "Action" TEXT NOT NULL,
    "RecordType" TEXT NOT NULL,
    "RecordId" TEXT NOT NULL,
    "MunicipalityId" TEXT NULL,
    "Details" TEXT NULL,
    "PreviousHash" TEXT NOT NULL,
    "Hash" TEXT NOT NULL
);

CREATE TABLE "{prefix}_outbox_messages" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_{prefix}_outbox_messages" PRIMARY KEY,
    "Kind" INTEGER NOT NULL,
    "Type" TEXT NOT NULL,
    "Payload" TEXT NOT NULL,
    "MunicipalityId" TEXT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "AvailableAt" INTEGER NOT NULL,
    "Attempts" INTEGER NOT NULL,
    "LastError" TEXT NULL,
    "ProcessedAt" INTEGER NULL,
    "DeadLetteredAt" INTEGER NULL,
    "ClaimId" TEXT NULL,
    "ClaimedUntil" INTEGER NULL
);

CREATE INDEX "IX_{prefix}_audit_entries_RecordType_RecordId" ON "{prefix}_audit_entries" ("RecordType", "RecordId");

CREATE UNIQUE INDEX "IX_{prefix}_audit_entries_Sequence" ON "{prefix}_audit_entries" ("Sequence");

CREATE INDEX "IX_{prefix}_outbox_messages_ProcessedAt_DeadLetteredAt_AvailableAt" ON "{prefix}_outbox_messages" ("ProcessedAt", "DeadLetteredAt", "AvailableAt");
