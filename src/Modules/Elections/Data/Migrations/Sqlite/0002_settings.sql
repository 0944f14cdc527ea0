-- A municipality's election settings: the complaint blackout rule (R12).

CREATE TABLE "elections_settings" (
    "MunicipalityId" TEXT NOT NULL CONSTRAINT "PK_elections_settings" PRIMARY KEY,
    "BlackoutRule" INTEGER NOT NULL,
    "BlackoutDaysBeforeVoting" INTEGER NOT NULL
);
