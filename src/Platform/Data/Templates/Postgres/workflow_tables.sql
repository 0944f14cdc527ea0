-- Every module's workflow tables (instances, bookmarks, incidents, journal), with the module's table prefix filled in ({prefix}); included by a module's first migration.
-- PostgreSQL names longer than 63 characters are cut as EF Core cuts them (62 characters and "~").

CREATE TABLE {prefix}_workflow_instances (
    "Id" uuid NOT NULL,
    "MunicipalityId" uuid NOT NULL,
    "DefinitionName" character varying(100) NOT NULL,
    "DefinitionVersion" integer NOT NULL,
    "CorrelationId" character varying(100) NOT NULL,
    "Stage" character varying(100) NOT NULL,
    "Status" integer NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "Revision" integer NOT NULL,
    "JournalLength" integer NOT NULL,
    CONSTRAINT "PK_{prefix}_workflow_instances" PRIMARY KEY ("Id")
);

CREATE TABLE {prefix}_workflow_bookmarks (
    "Id" uuid NOT NULL,
    "InstanceId" uuid NOT NULL,
    "MunicipalityId" uuid NOT NULL,
    "Kind" integer NOT NULL,
    "Stage" character varying(100) NOT NULL,
    "Name" character varying(100) NOT NULL,
    "AssigneeRole" character varying(100),
    "DueAt" timestamp with time zone,
    "CreatedAt" timestamp with time zone NOT NULL,
    "ConsumedAt" timestamp with time zone,
    "ConsumedBy" character varying(100),
    CONSTRAINT "PK_{prefix}_workflow_bookmarks" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_{prefix}_workflow_bookmarks_{prefix}_workflow_instances_InstanceId" FOREIGN KEY ("InstanceId") REFERENCES {prefix}_workflow_instances ("Id") ON DELETE CASCADE
);

CREATE TABLE {prefix}_workflow_incidents (
    "Id" uuid NOT NULL,
    "InstanceId" uuid NOT NULL,
    "MunicipalityId" uuid NOT NULL,
    "At" timestamp with time zone NOT NULL,
    "Stage" character varying(100) NOT NULL,
    "Action" character varying(100),
    "Error" character varying(4000) NOT NULL,
    "ResolvedAt" timestamp with time zone,
    CONSTRAINT "PK_{prefix}_workflow_incidents" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_{prefix}_workflow_incidents_{prefix}_workflow_instances_InstanceId" FOREIGN KEY ("InstanceId") REFERENCES {prefix}_workflow_instances ("Id") ON DELETE CASCADE
);

CREATE TABLE {prefix}_workflow_journal (
    "Id" uuid NOT NULL,
    "InstanceId" uuid NOT NULL,
    "MunicipalityId" uuid NOT NULL,
    "Number" integer NOT NULL,
    "At" timestamp with time zone NOT NULL,
    "Event" character varying(50) NOT NULL,
    "FromStage" character varying(100),
    "ToStage" character varying(100),
    "Action" character varying(100),
    "Actor" character varying(256),
    "Details" text,
    CONSTRAINT "PK_{prefix}_workflow_journal" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_{prefix}_workflow_journal_{prefix}_workflow_instances_InstanceId" FOREIGN KEY ("InstanceId") REFERENCES {prefix}_workflow_instances ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_{prefix}_workflow_bookmarks_ConsumedAt_Kind_DueAt" ON {prefix}_workflow_bookmarks ("ConsumedAt", "Kind", "DueAt");

CREATE INDEX "IX_{prefix}_workflow_bookmarks_InstanceId" ON {prefix}_workflow_bookmarks ("InstanceId");

CREATE INDEX "IX_{prefix}_workflow_incidents_InstanceId" ON {prefix}_workflow_incidents ("InstanceId");

CREATE INDEX "IX_{prefix}_workflow_instances_CorrelationId" ON {prefix}_workflow_instances ("CorrelationId");

CREATE UNIQUE INDEX "IX_{prefix}_workflow_journal_InstanceId_Number" ON {prefix}_workflow_journal ("InstanceId", "Number");
