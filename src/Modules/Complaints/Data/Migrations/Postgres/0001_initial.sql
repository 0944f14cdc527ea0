-- Complaints: the module's audit trail and outbox and workflow tables.

CREATE TABLE complaints_audit_entries (
    "Id" uuid NOT NULL,
    "Sequence" bigint NOT NULL,
    "At" timestamp with time zone NOT NULL,
    "ActorId" uuid,
    "Actor" character varying(256) NOT NULL,
    "Address" character varying(64),
    "Action" character varying(100) NOT NULL,
    "RecordType" character varying(100) NOT NULL,
    "RecordId" character varying(100) NOT NULL,
    "MunicipalityId" uuid,
    "Details" text,
    "PreviousHash" character varying(64) NOT NULL,
    "Hash" character varying(64) NOT NULL,
    CONSTRAINT "PK_complaints_audit_entries" PRIMARY KEY ("Id")
);

CREATE TABLE complaints_outbox_messages (
    "Id" uuid NOT NULL,
    "Kind" integer NOT NULL,
    "Type" character varying(300) NOT NULL,
    "Payload" text NOT NULL,
    "MunicipalityId" uuid,
    "CreatedAt" timestamp with time zone NOT NULL,
    "AvailableAt" timestamp with time zone NOT NULL,
    "Attempts" integer NOT NULL,
    "LastError" character varying(2000),
    "ProcessedAt" timestamp with time zone,
    "DeadLetteredAt" timestamp with time zone,
    "ClaimId" uuid,
    "ClaimedUntil" timestamp with time zone,
    CONSTRAINT "PK_complaints_outbox_messages" PRIMARY KEY ("Id")
);

CREATE TABLE complaints_workflow_instances (
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
    CONSTRAINT "PK_complaints_workflow_instances" PRIMARY KEY ("Id")
);

CREATE TABLE complaints_workflow_bookmarks (
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
    CONSTRAINT "PK_complaints_workflow_bookmarks" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_complaints_workflow_bookmarks_complaints_workflow_instances~" FOREIGN KEY ("InstanceId") REFERENCES complaints_workflow_instances ("Id") ON DELETE CASCADE
);

CREATE TABLE complaints_workflow_incidents (
    "Id" uuid NOT NULL,
    "InstanceId" uuid NOT NULL,
    "MunicipalityId" uuid NOT NULL,
    "At" timestamp with time zone NOT NULL,
    "Stage" character varying(100) NOT NULL,
    "Action" character varying(100),
    "Error" character varying(4000) NOT NULL,
    "ResolvedAt" timestamp with time zone,
    CONSTRAINT "PK_complaints_workflow_incidents" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_complaints_workflow_incidents_complaints_workflow_instances~" FOREIGN KEY ("InstanceId") REFERENCES complaints_workflow_instances ("Id") ON DELETE CASCADE
);

CREATE TABLE complaints_workflow_journal (
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
    CONSTRAINT "PK_complaints_workflow_journal" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_complaints_workflow_journal_complaints_workflow_instances_I~" FOREIGN KEY ("InstanceId") REFERENCES complaints_workflow_instances ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_complaints_audit_entries_RecordType_RecordId" ON complaints_audit_entries ("RecordType", "RecordId");

CREATE UNIQUE INDEX "IX_complaints_audit_entries_Sequence" ON complaints_audit_entries ("Sequence");

CREATE INDEX "IX_complaints_outbox_messages_ProcessedAt_DeadLetteredAt_Avail~" ON complaints_outbox_messages ("ProcessedAt", "DeadLetteredAt", "AvailableAt");

CREATE INDEX "IX_complaints_workflow_bookmarks_ConsumedAt_Kind_DueAt" ON complaints_workflow_bookmarks ("ConsumedAt", "Kind", "DueAt");

CREATE INDEX "IX_complaints_workflow_bookmarks_InstanceId" ON complaints_workflow_bookmarks ("InstanceId");

CREATE INDEX "IX_complaints_workflow_incidents_InstanceId" ON complaints_workflow_incidents ("InstanceId");

CREATE INDEX "IX_complaints_workflow_instances_CorrelationId" ON complaints_workflow_instances ("CorrelationId");

CREATE UNIQUE INDEX "IX_complaints_workflow_journal_InstanceId_Number" ON complaints_workflow_journal ("InstanceId", "Number");
