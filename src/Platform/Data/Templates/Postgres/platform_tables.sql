-- Every module's audit trail and outbox, with the module's table prefix filled in ({prefix}); included by a module's first migration.
-- PostgreSQL names longer than 63 characters are cut as EF Core cuts them (62 characters and "~").

CREATE TABLE {prefix}_audit_entries (
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
    CONSTRAINT "PK_{prefix}_audit_entries" PRIMARY KEY ("Id")
);

CREATE TABLE {prefix}_outbox_messages (
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
    CONSTRAINT "PK_{prefix}_outbox_messages" PRIMARY KEY ("Id")
);

CREATE INDEX "IX_{prefix}_audit_entries_RecordType_RecordId" ON {prefix}_audit_entries ("RecordType", "RecordId");

CREATE UNIQUE INDEX "IX_{prefix}_audit_entries_Sequence" ON {prefix}_audit_entries ("Sequence");

CREATE INDEX "IX_{prefix}_outbox_messages_ProcessedAt_DeadLetteredAt_AvailableAt" ON {prefix}_outbox_messages ("ProcessedAt", "DeadLetteredAt", "AvailableAt");
