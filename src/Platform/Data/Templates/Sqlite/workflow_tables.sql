-- Every module's workflow tables (instances, bookmarks, incidents, journal), with the module's table prefix filled in ({prefix}); included by a module's first migration.
-- PostgreSQL names longer than 63 characters are cut as EF Core cuts them (62 characters and "~").

CREATE TABLE "{prefix}_workflow_instances" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_{prefix}_workflow_instances" PRIMARY KEY,
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

CREATE TABLE "{prefix}_workflow_bookmarks" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_{prefix}_workflow_bookmarks" PRIMARY KEY,
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
    CONSTRAINT "FK_{prefix}_workflow_bookmarks_{prefix}_workflow_instances_InstanceId" FOREIGN KEY ("InstanceId") REFERENCES "{prefix}_workflow_instances" ("Id") ON DELETE CASCADE
);

CREATE TABLE "{prefix}_workflow_incidents" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_{prefix}_workflow_incidents" PRIMARY KEY,
    "InstanceId" TEXT NOT NULL,
    "MunicipalityId" TEXT NOT NULL,
    "At" INTEGER NOT NULL,
    "Stage" TEXT NOT NULL,
    "Action" TEXT NULL,
    "Error" TEXT NOT NULL,
    "ResolvedAt" INTEGER NULL,
    CONSTRAINT "FK_{prefix}_workflow_incidents_{prefix}_workflow_instances_InstanceId" FOREIGN KEY ("InstanceId") REFERENCES "{prefix}_workflow_instances" ("Id") ON DELETE CASCADE
);

CREATE TABLE "{prefix}_workflow_journal" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_{prefix}_workflow_journal" PRIMARY KEY,
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
    CONSTRAINT "FK_{prefix}_workflow_journal_{prefix}_workflow_instances_InstanceId" FOREIGN KEY ("InstanceId") REFERENCES "{prefix}_workflow_instances" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_{prefix}_workflow_bookmarks_ConsumedAt_Kind_DueAt" ON "{prefix}_workflow_bookmarks" ("ConsumedAt", "Kind", "DueAt");

CREATE INDEX "IX_{prefix}_workflow_bookmarks_InstanceId" ON "{prefix}_workflow_bookmarks" ("InstanceId");

CREATE INDEX "IX_{prefix}_workflow_incidents_InstanceId" ON "{prefix}_workflow_incidents" ("InstanceId");

CREATE INDEX "IX_{prefix}_workflow_instances_CorrelationId" ON "{prefix}_workflow_instances" ("CorrelationId");

CREATE UNIQUE INDEX "IX_{prefix}_workflow_journal_InstanceId_Number" ON "{prefix}_workflow_journal" ("InstanceId", "Number");
