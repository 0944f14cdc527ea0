-- Policies: the module's audit trail and outbox.

CREATE TABLE policies_audit_entries (
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
    CONSTRAINT "PK_policies_audit_entries" PRIMARY KEY ("Id")
);

CREATE TABLE policies_outbox_messages (
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
    CONSTRAINT "PK_policies_outbox_messages" PRIMARY KEY ("Id")
);

CREATE INDEX "IX_policies_audit_entries_RecordType_RecordId" ON policies_audit_entries ("RecordType", "RecordId");

CREATE UNIQUE INDEX "IX_policies_audit_entries_Sequence" ON policies_audit_entries ("Sequence");

CREATE INDEX "IX_policies_outbox_messages_ProcessedAt_DeadLetteredAt_Availab~" ON policies_outbox_messages ("ProcessedAt", "DeadLetteredAt", "AvailableAt");
