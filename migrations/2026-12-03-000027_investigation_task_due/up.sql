-- The earliest due date among an investigation's open and in-progress tasks, kept on the
-- investigation row by a trigger on its tasks, so "overdue" (the investigation's own due date
-- or a task's has passed) is a condition on the row itself: the overdue list is the same ordered
-- index walk as any other page instead of a look-up over every late task nationwide. Dates
-- passing need no maintenance: the list compares the stored date with today.
ALTER TABLE investigations ADD COLUMN task_due date;

CREATE FUNCTION investigation_task_due_refresh(inv uuid) RETURNS void
LANGUAGE sql AS $$
    UPDATE investigations i
       SET task_due = d.due
      FROM (SELECT min(due_date) AS due
              FROM investigation_tasks
             WHERE investigation_id = inv AND status IN ('open', 'in_progress')) d
     WHERE i.id = inv AND i.task_due IS DISTINCT FROM d.due
$$;

CREATE FUNCTION investigation_tasks_due_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM investigation_task_due_refresh(OLD.investigation_id);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND
       (TG_OP = 'INSERT' OR NEW.investigation_id IS DISTINCT FROM OLD.investigation_id) THEN
        PERFORM investigation_task_due_refresh(NEW.investigation_id);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER investigation_tasks_due
    AFTER INSERT OR DELETE OR UPDATE OF status, due_date, investigation_id ON investigation_tasks
    FOR EACH ROW EXECUTE FUNCTION investigation_tasks_due_changed();

UPDATE investigations i
   SET task_due = d.due
  FROM (SELECT investigation_id, min(due_date) AS due
          FROM investigation_tasks
         WHERE status IN ('open', 'in_progress')
         GROUP BY investigation_id) d
 WHERE i.id = d.investigation_id;

-- Open investigations by their earliest deadline (own or a task's), for the overdue filter
-- when it is the most selective condition (a unit with few late investigations).
CREATE INDEX investigations_deadline ON investigations (least(due_date, task_due))
    WHERE status <> 'closed';
