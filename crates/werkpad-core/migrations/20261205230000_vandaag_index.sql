-- Vandaag reads every open follow-up due by a day. This index holds every column it reads,
-- so the rows themselves are never visited; it replaces reminders_due, which only found them.
DROP INDEX reminders_due;
CREATE INDEX reminders_open_due
    ON reminders (due_on, candidate_id, placement_id, kind, subject, reason, id)
    WHERE status = 'open';
