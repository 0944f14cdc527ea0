-- A timeline entry carries a step's full text (a member's response is up to 20,000 characters) after its lead-in.
ALTER TABLE complaints_timeline ALTER COLUMN "Text" TYPE character varying(25000);
