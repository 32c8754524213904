-- Vandaag lists every plan action still to do of every current traject. Finding the
-- kandidaat of each through its goal and traject cost two index searches per action, the
-- largest part of Vandaag on a big caseload. `open_case` keeps the answer on the action:
-- the kandidaat's id while its traject is open, '' when the traject is closed or the goal
-- or traject is not (yet) known. It is derived, local data: the triggers below keep it
-- right whichever way a row arrives (the coach's own edit or a pulled record, in any
-- order), and it is not a synced field.
ALTER TABLE plan_actions ADD COLUMN open_case TEXT NOT NULL DEFAULT '';

-- The kandidaat of each goal whose traject is open ('' when it is closed).
CREATE VIEW goal_open_case AS
    SELECT g.id AS goal_id, CASE WHEN t.closed_on = '' THEN t.candidate_id ELSE '' END AS open_case
    FROM goals g JOIN trajectories t ON t.id = g.trajectory_id;

UPDATE plan_actions SET open_case = COALESCE(
    (SELECT open_case FROM goal_open_case WHERE goal_id = plan_actions.goal_id), '');

CREATE TRIGGER plan_actions_case_on_insert AFTER INSERT ON plan_actions
BEGIN
    UPDATE plan_actions SET open_case = COALESCE(
        (SELECT open_case FROM goal_open_case WHERE goal_id = NEW.goal_id), '')
    WHERE id = NEW.id;
END;

CREATE TRIGGER plan_actions_case_on_goal AFTER UPDATE OF goal_id ON plan_actions
BEGIN
    UPDATE plan_actions SET open_case = COALESCE(
        (SELECT open_case FROM goal_open_case WHERE goal_id = NEW.goal_id), '')
    WHERE id = NEW.id;
END;

CREATE TRIGGER goals_case_on_insert AFTER INSERT ON goals
BEGIN
    UPDATE plan_actions SET open_case = COALESCE(
        (SELECT open_case FROM goal_open_case WHERE goal_id = NEW.id), '')
    WHERE goal_id = NEW.id;
END;

CREATE TRIGGER goals_case_on_trajectory AFTER UPDATE OF trajectory_id ON goals
BEGIN
    UPDATE plan_actions SET open_case = COALESCE(
        (SELECT open_case FROM goal_open_case WHERE goal_id = NEW.id), '')
    WHERE goal_id = NEW.id;
END;

CREATE TRIGGER goals_case_on_delete AFTER DELETE ON goals
BEGIN
    UPDATE plan_actions SET open_case = '' WHERE goal_id = OLD.id;
END;

CREATE TRIGGER trajectories_case_on_insert AFTER INSERT ON trajectories
BEGIN
    UPDATE plan_actions
    SET open_case = CASE WHEN NEW.closed_on = '' THEN NEW.candidate_id ELSE '' END
    WHERE goal_id IN (SELECT id FROM goals WHERE trajectory_id = NEW.id);
END;

CREATE TRIGGER trajectories_case_on_change AFTER UPDATE OF candidate_id, closed_on ON trajectories
BEGIN
    UPDATE plan_actions
    SET open_case = CASE WHEN NEW.closed_on = '' THEN NEW.candidate_id ELSE '' END
    WHERE goal_id IN (SELECT id FROM goals WHERE trajectory_id = NEW.id);
END;

CREATE TRIGGER trajectories_case_on_delete AFTER DELETE ON trajectories
BEGIN
    UPDATE plan_actions SET open_case = ''
    WHERE goal_id IN (SELECT id FROM goals WHERE trajectory_id = OLD.id);
END;

-- Vandaag reads the plan actions of open trajecten from this index alone.
DROP INDEX plan_actions_open_due;
DROP INDEX goals_id_trajectory;
DROP INDEX trajectories_id_candidate;
CREATE INDEX plan_actions_open_due ON plan_actions (due_on, open_case, id, description, status)
    WHERE status IN ('open', 'bezig') AND due_on <> '' AND open_case <> '';
