-- Hangfire replaced Quartz (issue 11). Quartz created its tables itself, in the installation's database, at the host's
-- first start; no module's migration did. Accounts, the first module to migrate, removes them: their rows were
-- schedules only, which the host now keeps in Hangfire's storage (schema hangfire) and registers again at start-up.

DROP TABLE IF EXISTS qrtz_simple_triggers, qrtz_cron_triggers, qrtz_simprop_triggers, qrtz_blob_triggers,
    qrtz_fired_triggers, qrtz_paused_trigger_grps, qrtz_paused_job_grps, qrtz_execution_history, qrtz_misfire_history,
    qrtz_job_status, qrtz_scheduler_state, qrtz_locks, qrtz_calendars, qrtz_triggers, qrtz_job_details;
