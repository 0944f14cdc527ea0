-- Issue 12: the Integrity Commissioner sets the complaint election period in the complaint protocol (Complaints), not the
-- clerk. The table held only the clerk's blackout rule and its days before voting day, so it goes whole. What clerks set
-- stays on record in the audit trail (elections.blackout-set); the IC sets the window again in Complaints.

DROP TABLE IF EXISTS "elections_settings";
