-- An instance's open bookmarks (its task, its timers) are found by one index lookup: every workflow step, case page
-- and case list asks for them. Replaces the index on InstanceId alone, which it covers.

CREATE INDEX "IX_complaints_workflow_bookmarks_InstanceId_ConsumedAt_Kind" ON "complaints_workflow_bookmarks" ("InstanceId", "ConsumedAt", "Kind");

DROP INDEX "IX_complaints_workflow_bookmarks_InstanceId";
