-- The data-protection key ring (cookies, tokens, tracking links), kept in the database instead of <data>/keys/.

CREATE TABLE "platform_data_protection_keys" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_platform_data_protection_keys" PRIMARY KEY AUTOINCREMENT,
    "FriendlyName" TEXT NULL,
    "Xml" TEXT NULL
);
