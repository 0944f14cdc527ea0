-- A timeline entry carries a step's full text (a member's response is up to 20,000 characters) after its lead-in.
-- SQLite does not enforce text lengths: nothing to change here; the script keeps both providers' histories alike.
SELECT 1;
