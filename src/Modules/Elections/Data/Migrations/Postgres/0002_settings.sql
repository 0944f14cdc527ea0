-- A municipality's election settings: the complaint blackout rule (R12).

CREATE TABLE elections_settings (
    "MunicipalityId" uuid NOT NULL,
    "BlackoutRule" integer NOT NULL,
    "BlackoutDaysBeforeVoting" integer NOT NULL,
    CONSTRAINT "PK_elections_settings" PRIMARY KEY ("MunicipalityId")
);
