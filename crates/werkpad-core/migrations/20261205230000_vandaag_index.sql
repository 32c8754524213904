-- Vandaag reads every open follow-up due by a day. This index holds every column it reads,
-- so the rows themselves are never visited; it replaces reminders_due, which only found them.
DROP INDEX reminders_due;
CREATE INDEX reminders_open_due
    ON reminders (due_on, candidate_id, placement_id, kind, subject, reason, id)
    WHERE status = 'open';

-- Each kandidaat with something due is named on Vandaag: read from this index alone.
CREATE INDEX candidates_id_name ON candidates (id, first_name, name_prefix, last_name);

-- Plan actions still to do, by due date, and the way from one to its kandidaat: Vandaag
-- reads these indexes only (thousands of actions, each through its goal and traject).
CREATE INDEX plan_actions_open_due ON plan_actions (due_on, status, goal_id, id, description)
    WHERE status IN ('open', 'bezig') AND due_on <> '';
CREATE INDEX goals_id_trajectory ON goals (id, trajectory_id);
CREATE INDEX trajectories_id_candidate ON trajectories (id, candidate_id, closed_on);
