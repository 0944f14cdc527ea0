-- Complaints: the module's audit trail and outbox and workflow tables.

CREATE TABLE "complaints_audit_entries" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_complaints_audit_entries" PRIMARY KEY,
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

CREATE TABLE "complaints_outbox_messages" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_complaints_outbox_messages" PRIMARY KEY,
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

CREATE TABLE "complaints_workflow_instances" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_complaints_workflow_instances" PRIMARY KEY,
    "MunicipalityId" TEXT NOT NULL,
    "DefinitionName" TEXT NOT NULL,
    "DefinitionVersion" INTEGER NOT NULL,
    "CorrelationId" TEXT NOT NULL,
    "Stage" TEXT NOT NULL,
    "Status" INTEGER NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "UpdatedAt" INTEGER NOT NULL,
    "Revision" INTEGER NOT NULL,
    "JournalLength" INTEGER NOT NULL
);

CREATE TABLE "complaints_workflow_bookmarks" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_complaints_workflow_bookmarks" PRIMARY KEY,
    "InstanceId" TEXT NOT NULL,
    "MunicipalityId" TEXT NOT NULL,
    "Kind" INTEGER NOT NULL,
    "Stage" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "AssigneeRole" TEXT NULL,
    "DueAt" INTEGER NULL,
    "CreatedAt" INTEGER NOT NULL,
    "ConsumedAt" INTEGER NULL,
    "ConsumedBy" TEXT NULL,
    CONSTRAINT "FK_complaints_workflow_bookmarks_complaints_workflow_instances_InstanceId" FOREIGN KEY ("InstanceId") REFERENCES "complaints_workflow_instances" ("Id") ON DELETE CASCADE
);

CREATE TABLE "complaints_workflow_incidents" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_complaints_workflow_incidents" PRIMARY KEY,
    "InstanceId" TEXT NOT NULL,
    "MunicipalityId" TEXT NOT NULL,
    "At" INTEGER NOT NULL,
    "Stage" TEXT NOT NULL,
    "Action" TEXT NULL,
    "Error" TEXT NOT NULL,
    "ResolvedAt" INTEGER NULL,
    CONSTRAINT "FK_complaints_workflow_incidents_complaints_workflow_instances_InstanceId" FOREIGN KEY ("InstanceId") REFERENCES "complaints_workflow_instances" ("Id") ON DELETE CASCADE
);

CREATE TABLE "complaints_workflow_journal" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_complaints_workflow_journal" PRIMARY KEY,
    "InstanceId" TEXT NOT NULL,
    "MunicipalityId" TEXT NOT NULL,
    "Number" INTEGER NOT NULL,
    "At" INTEGER NOT NULL,
    "Event" TEXT NOT NULL,
    "FromStage" TEXT NULL,
    "ToStage" TEXT NULL,
    "Action" TEXT NULL,
    "Actor" TEXT NULL,
    "Details" TEXT NULL,
    CONSTRAINT "FK_complaints_workflow_journal_complaints_workflow_instances_InstanceId" FOREIGN KEY ("InstanceId") REFERENCES "complaints_workflow_instances" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_complaints_audit_entries_RecordType_RecordId" ON "complaints_audit_entries" ("RecordType", "RecordId");

CREATE UNIQUE INDEX "IX_complaints_audit_entries_Sequence" ON "complaints_audit_entries" ("Sequence");

CREATE INDEX "IX_complaints_outbox_messages_ProcessedAt_DeadLetteredAt_AvailableAt" ON "complaints_outbox_messages" ("ProcessedAt", "DeadLetteredAt", "AvailableAt");

CREATE INDEX "IX_complaints_workflow_bookmarks_ConsumedAt_Kind_DueAt" ON "complaints_workflow_bookmarks" ("ConsumedAt", "Kind", "DueAt");

CREATE INDEX "IX_complaints_workflow_bookmarks_InstanceId" ON "complaints_workflow_bookmarks" ("InstanceId");

CREATE INDEX "IX_complaints_workflow_incidents_InstanceId" ON "complaints_workflow_incidents" ("InstanceId");

CREATE INDEX "IX_complaints_workflow_instances_CorrelationId" ON "complaints_workflow_instances" ("CorrelationId");

CREATE UNIQUE INDEX "IX_complaints_workflow_journal_InstanceId_Number" ON "complaints_workflow_journal" ("InstanceId", "Number");
