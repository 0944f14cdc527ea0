-- One row per block review reminder sent, keyed by block and date and written with its e-mail, so a second run of
-- the reminder job (a retry, another host) sends nothing.

CREATE TABLE "accounts_block_reminders" (
    "BlockId" TEXT NOT NULL,
    "DueOn" TEXT NOT NULL,
    "MunicipalityId" TEXT NOT NULL,
    "SentAt" INTEGER NOT NULL,
    CONSTRAINT "PK_accounts_block_reminders" PRIMARY KEY ("BlockId", "DueOn"),
    CONSTRAINT "FK_accounts_block_reminders_accounts_blocks_BlockId" FOREIGN KEY ("BlockId") REFERENCES "accounts_blocks" ("Id") ON DELETE CASCADE
);
