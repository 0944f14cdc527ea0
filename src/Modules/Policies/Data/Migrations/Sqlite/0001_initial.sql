-- Policies: the module's audit trail and outbox.

CREATE TABLE "policies_audit_entries" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_policies_audit_entries" PRIMARY KEY,
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

CREATE TABLE "policies_outbox_messages" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_policies_outbox_messages" PRIMARY KEY,
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

CREATE INDEX "IX_policies_audit_entries_RecordType_RecordId" ON "policies_audit_entries" ("RecordType", "RecordId");

CREATE UNIQUE INDEX "IX_policies_audit_entries_Sequence" ON "policies_audit_entries" ("Sequence");

CREATE INDEX "IX_policies_outbox_messages_ProcessedAt_DeadLetteredAt_AvailableAt" ON "policies_outbox_messages" ("ProcessedAt", "DeadLetteredAt", "AvailableAt");
