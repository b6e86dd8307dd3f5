DROP INDEX investigations_deadline;
DROP TRIGGER investigation_tasks_due ON investigation_tasks;
DROP FUNCTION investigation_tasks_due_changed();
DROP FUNCTION investigation_task_due_refresh(uuid);
ALTER TABLE investigations DROP COLUMN task_due;
