-- Workflow tables, second step: each task keeps how its due date was computed, shown as stored. Included after workflow_tables.
ALTER TABLE {prefix}_workflow_bookmarks ADD "DueExplanation" text;
