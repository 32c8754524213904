-- The accountmanager: werkgevers in full, contactpersonen, vacatures, bezoekrondes (bustour),
-- bedrijfsbezoeken and employer follow-ups. Same rule as before: every synced field has its
-- own column with a default, because sync applies changes field by field.

-- JSON lists: network_memberships ["Ondernemersvereniging De Hoek"], inclusive_interests
-- ["sroi","pso","open_hiring","jobcarving"]. name_shareable 0 means the company name may not
-- be shared with kandidaten or partners.
ALTER TABLE employers ADD COLUMN network_memberships TEXT NOT NULL DEFAULT '[]';
ALTER TABLE employers ADD COLUMN inclusive_interests TEXT NOT NULL DEFAULT '[]';
ALTER TABLE employers ADD COLUMN name_shareable INTEGER NOT NULL DEFAULT 1;
-- Filtering the portfolio by area and sector.
CREATE INDEX employers_estate ON employers (industrial_estate, name);
CREATE INDEX employers_sector ON employers (sector, name);

CREATE TABLE employer_contacts (
    id           TEXT PRIMARY KEY,
    employer_id  TEXT NOT NULL DEFAULT '' REFERENCES employers (id),
    name         TEXT NOT NULL DEFAULT '',
    role         TEXT NOT NULL DEFAULT '',
    phone        TEXT NOT NULL DEFAULT '',
    email        TEXT NOT NULL DEFAULT '',
    -- The visit where this person was first met, for a round's "new contacts".
    visit_id     TEXT,
    created_at   TEXT NOT NULL DEFAULT '',
    updated_at   TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX employer_contacts_employer ON employer_contacts (employer_id);

-- A vacature with its werkprofiel: tasks and competences rather than diplomas.
-- start_kind 'direct' or 'toekomst' (expected_start then holds the expected date).
CREATE TABLE vacancies (
    id              TEXT PRIMARY KEY,
    employer_id     TEXT NOT NULL DEFAULT '' REFERENCES employers (id),
    visit_id        TEXT,
    function_title  TEXT NOT NULL DEFAULT '',
    tasks           TEXT NOT NULL DEFAULT '',
    competences     TEXT NOT NULL DEFAULT '',
    requirements    TEXT NOT NULL DEFAULT '',
    hours_per_week  INTEGER NOT NULL DEFAULT 0,
    location        TEXT NOT NULL DEFAULT '',
    start_kind      TEXT NOT NULL DEFAULT 'direct',
    expected_start  TEXT NOT NULL DEFAULT '',
    status          TEXT NOT NULL DEFAULT 'open',
    source          TEXT NOT NULL DEFAULT 'bezoek',
    created_at      TEXT NOT NULL DEFAULT '',
    updated_at      TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX vacancies_employer ON vacancies (employer_id, created_at);
CREATE INDEX vacancies_visit ON vacancies (visit_id);

-- A bezoekronde: one or more days, one or more areas, stops per day and area.
CREATE TABLE visit_rounds (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL DEFAULT '',
    notes       TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL DEFAULT '',
    updated_at  TEXT NOT NULL DEFAULT ''
) STRICT;

-- The adviser responsible on the day is often not who prepared the area.
CREATE TABLE round_days (
    id           TEXT PRIMARY KEY,
    round_id     TEXT NOT NULL DEFAULT '' REFERENCES visit_rounds (id),
    day          TEXT NOT NULL DEFAULT '',
    responsible  TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL DEFAULT '',
    updated_at   TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX round_days_round ON round_days (round_id, day);

-- preparers: JSON list of the advisers who prepared the area (by calling companies).
CREATE TABLE round_areas (
    id          TEXT PRIMARY KEY,
    round_id    TEXT NOT NULL DEFAULT '' REFERENCES visit_rounds (id),
    name        TEXT NOT NULL DEFAULT '',
    preparers   TEXT NOT NULL DEFAULT '[]',
    created_at  TEXT NOT NULL DEFAULT '',
    updated_at  TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX round_areas_round ON round_areas (round_id);

-- appointment_time 'HH:MM', or '' for a walk-in (inloop). new_employer 1 when the employer
-- was created on the spot for this stop (a round's "new employers").
CREATE TABLE round_stops (
    id                TEXT PRIMARY KEY,
    round_id          TEXT NOT NULL DEFAULT '' REFERENCES visit_rounds (id),
    day_id            TEXT NOT NULL DEFAULT '' REFERENCES round_days (id),
    area_id           TEXT NOT NULL DEFAULT '' REFERENCES round_areas (id),
    employer_id       TEXT NOT NULL DEFAULT '' REFERENCES employers (id),
    appointment_time  TEXT NOT NULL DEFAULT '',
    new_employer      INTEGER NOT NULL DEFAULT 0,
    created_at        TEXT NOT NULL DEFAULT '',
    updated_at        TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX round_stops_round ON round_stops (round_id, day_id, appointment_time);
CREATE INDEX round_stops_employer ON round_stops (employer_id);

-- A bedrijfsbezoek report: append-only like notes; an edit is a new version pointing at the
-- one it replaces. topics and instruments are JSON lists.
CREATE TABLE visits (
    id                   TEXT PRIMARY KEY,
    employer_id          TEXT NOT NULL DEFAULT '' REFERENCES employers (id),
    stop_id              TEXT,
    round_id             TEXT,
    visited_on           TEXT NOT NULL DEFAULT '',
    visitor              TEXT NOT NULL DEFAULT '',
    outcome              TEXT NOT NULL DEFAULT 'gesprek',
    contact_id           TEXT,
    topics               TEXT NOT NULL DEFAULT '[]',
    instruments          TEXT NOT NULL DEFAULT '[]',
    report               TEXT NOT NULL DEFAULT '',
    handover_to          TEXT NOT NULL DEFAULT '',
    feedback_score       INTEGER NOT NULL DEFAULT 0,
    feedback_remark      TEXT NOT NULL DEFAULT '',
    version              INTEGER NOT NULL DEFAULT 1,
    previous_version_id  TEXT REFERENCES visits (id),
    created_at           TEXT NOT NULL DEFAULT '',
    updated_at           TEXT NOT NULL DEFAULT ''
) STRICT;
-- Last contact per employer, and the visits of a round.
CREATE INDEX visits_employer ON visits (employer_id, visited_on);
CREATE INDEX visits_round ON visits (round_id);
CREATE INDEX visits_stop ON visits (stop_id);
CREATE INDEX visits_previous ON visits (previous_version_id);

-- The visit log as typed (one JSON document), saved as typed; finishing it makes a visit.
CREATE TABLE visit_drafts (
    id           TEXT PRIMARY KEY,
    employer_id  TEXT NOT NULL DEFAULT '' REFERENCES employers (id),
    stop_id      TEXT,
    data         TEXT NOT NULL DEFAULT '{}',
    created_at   TEXT NOT NULL DEFAULT '',
    updated_at   TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX visit_drafts_employer ON visit_drafts (employer_id);

-- What an employer is owed: kind 'bezoek' (after a visit, default 5 working days) or 'vraag'
-- (an employer's question, answered within 1 working day). status 'open' or 'gedaan'.
CREATE TABLE employer_follow_ups (
    id           TEXT PRIMARY KEY,
    employer_id  TEXT NOT NULL DEFAULT '' REFERENCES employers (id),
    visit_id     TEXT,
    kind         TEXT NOT NULL DEFAULT 'bezoek',
    description  TEXT NOT NULL DEFAULT '',
    owner        TEXT NOT NULL DEFAULT '',
    due_on       TEXT NOT NULL DEFAULT '',
    status       TEXT NOT NULL DEFAULT 'open',
    done_on      TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL DEFAULT '',
    updated_at   TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX employer_follow_ups_due ON employer_follow_ups (status, due_on);
CREATE INDEX employer_follow_ups_employer ON employer_follow_ups (employer_id);
