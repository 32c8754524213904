-- Werkpad local store, first schema.
-- Entity tables keep every synced field in its own column with a default, because sync
-- applies changes field by field and a row can arrive one field at a time.

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

-- The person using this laptop (one row).
CREATE TABLE profile (
    id           INTEGER PRIMARY KEY CHECK (id = 1),
    name         TEXT NOT NULL,
    role         TEXT NOT NULL,
    organisation TEXT NOT NULL,
    created_at   TEXT NOT NULL
) STRICT;

-- Who did what, when, on which device. Field names only: values are personal data and
-- stay in their own rows, so erasing a record never leaves copies here.
CREATE TABLE audit_log (
    id        INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    actor     TEXT NOT NULL,
    device_id TEXT NOT NULL,
    action    TEXT NOT NULL,
    entity    TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    fields    TEXT NOT NULL
) STRICT;
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);

-- Operations waiting to be pushed to the regional server, numbered per device without gaps.
CREATE TABLE outbox (
    device_seq INTEGER PRIMARY KEY,
    op_id      TEXT NOT NULL UNIQUE,
    device_id  TEXT NOT NULL,
    entity     TEXT NOT NULL,
    entity_id  TEXT NOT NULL,
    field      TEXT NOT NULL,
    value      TEXT NOT NULL,
    hlc        TEXT NOT NULL,
    base_seq   INTEGER
) STRICT;

-- Tables with free text searched by FTS5 have an INTEGER PRIMARY KEY `n`: the search index
-- refers to it, and unlike an implicit rowid it never changes on VACUUM.
CREATE TABLE candidates (
    n                     INTEGER PRIMARY KEY,
    id                    TEXT NOT NULL UNIQUE,
    first_name            TEXT NOT NULL DEFAULT '',
    name_prefix           TEXT NOT NULL DEFAULT '',
    last_name             TEXT NOT NULL DEFAULT '',
    date_of_birth         TEXT NOT NULL DEFAULT '',
    phone                 TEXT NOT NULL DEFAULT '',
    email                 TEXT NOT NULL DEFAULT '',
    street                TEXT NOT NULL DEFAULT '',
    postcode              TEXT NOT NULL DEFAULT '',
    city                  TEXT NOT NULL DEFAULT '',
    benefit_situation     TEXT NOT NULL DEFAULT 'onbekend',
    target_groups         TEXT NOT NULL DEFAULT '[]',
    finding_place         TEXT NOT NULL DEFAULT '',
    bsn                   TEXT NOT NULL DEFAULT '',
    bsn_legal_ground      TEXT NOT NULL DEFAULT '',
    owner                 TEXT NOT NULL DEFAULT '',
    klantbeeld_verified_on TEXT NOT NULL DEFAULT '',
    created_at            TEXT NOT NULL DEFAULT '',
    updated_at            TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX candidates_name ON candidates (last_name COLLATE NOCASE, first_name COLLATE NOCASE);
CREATE INDEX candidates_owner ON candidates (owner);

-- One guided path toward work; a kandidaat can have several over the years.
CREATE TABLE trajectories (
    id           TEXT PRIMARY KEY,
    candidate_id TEXT NOT NULL DEFAULT '' REFERENCES candidates (id),
    phase        TEXT NOT NULL DEFAULT 'intake',
    started_on   TEXT NOT NULL DEFAULT '',
    closed_on    TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL DEFAULT '',
    updated_at   TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX trajectories_candidate ON trajectories (candidate_id, started_on);

-- Case history of phase changes: append-only.
CREATE TABLE phase_changes (
    id            TEXT PRIMARY KEY,
    trajectory_id TEXT NOT NULL DEFAULT '' REFERENCES trajectories (id),
    from_phase    TEXT NOT NULL DEFAULT '',
    to_phase      TEXT NOT NULL DEFAULT '',
    reason        TEXT NOT NULL DEFAULT '',
    changed_by    TEXT NOT NULL DEFAULT '',
    created_at    TEXT NOT NULL DEFAULT '',
    updated_at    TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX phase_changes_trajectory ON phase_changes (trajectory_id, created_at);

-- Werklandschap tiles opened for a traject, with the guidance points ticked (JSON list).
CREATE TABLE activities (
    id            TEXT PRIMARY KEY,
    trajectory_id TEXT NOT NULL DEFAULT '' REFERENCES trajectories (id),
    tile          TEXT NOT NULL DEFAULT '',
    opened_on     TEXT NOT NULL DEFAULT '',
    closed_on     TEXT NOT NULL DEFAULT '',
    checked       TEXT NOT NULL DEFAULT '[]',
    created_at    TEXT NOT NULL DEFAULT '',
    updated_at    TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX activities_trajectory ON activities (trajectory_id);

-- Klantbeeld versions: append-only; the structured picture is one JSON document.
CREATE TABLE klantbeeld_versions (
    id           TEXT PRIMARY KEY,
    candidate_id TEXT NOT NULL DEFAULT '' REFERENCES candidates (id),
    version      INTEGER NOT NULL DEFAULT 1,
    reason       TEXT NOT NULL DEFAULT '',
    author       TEXT NOT NULL DEFAULT '',
    data         TEXT NOT NULL DEFAULT '{}',
    created_at   TEXT NOT NULL DEFAULT '',
    updated_at   TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX klantbeeld_candidate ON klantbeeld_versions (candidate_id, version);

CREATE TABLE goals (
    id            TEXT PRIMARY KEY,
    trajectory_id TEXT NOT NULL DEFAULT '' REFERENCES trajectories (id),
    title         TEXT NOT NULL DEFAULT '',
    description   TEXT NOT NULL DEFAULT '',
    status        TEXT NOT NULL DEFAULT 'open',
    created_at    TEXT NOT NULL DEFAULT '',
    updated_at    TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX goals_trajectory ON goals (trajectory_id);

CREATE TABLE plan_actions (
    id          TEXT PRIMARY KEY,
    goal_id     TEXT NOT NULL DEFAULT '' REFERENCES goals (id),
    description TEXT NOT NULL DEFAULT '',
    who         TEXT NOT NULL DEFAULT '',
    due_on      TEXT NOT NULL DEFAULT '',
    status      TEXT NOT NULL DEFAULT 'open',
    tile        TEXT NOT NULL DEFAULT '',
    instrument  TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL DEFAULT '',
    updated_at  TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX plan_actions_goal ON plan_actions (goal_id, due_on);

CREATE TABLE employers (
    id                TEXT PRIMARY KEY,
    name              TEXT NOT NULL DEFAULT '',
    kvk               TEXT NOT NULL DEFAULT '',
    street            TEXT NOT NULL DEFAULT '',
    postcode          TEXT NOT NULL DEFAULT '',
    city              TEXT NOT NULL DEFAULT '',
    industrial_estate TEXT NOT NULL DEFAULT '',
    sector            TEXT NOT NULL DEFAULT '',
    size_class        TEXT NOT NULL DEFAULT '',
    account_owner     TEXT NOT NULL DEFAULT '',
    created_at        TEXT NOT NULL DEFAULT '',
    updated_at        TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX employers_name ON employers (name);

-- Notes are append-only: an edit is a new row pointing at the version it replaces.
CREATE TABLE notes (
    n                   INTEGER PRIMARY KEY,
    id                  TEXT NOT NULL UNIQUE,
    candidate_id        TEXT REFERENCES candidates (id),
    trajectory_id       TEXT REFERENCES trajectories (id),
    employer_id         TEXT REFERENCES employers (id),
    kind                TEXT NOT NULL DEFAULT 'gesprek',
    body                TEXT NOT NULL DEFAULT '',
    author              TEXT NOT NULL DEFAULT '',
    noted_on            TEXT NOT NULL DEFAULT '',
    version             INTEGER NOT NULL DEFAULT 1,
    previous_version_id TEXT REFERENCES notes (id),
    created_at          TEXT NOT NULL DEFAULT '',
    updated_at          TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX notes_candidate ON notes (candidate_id, noted_on);
CREATE INDEX notes_employer ON notes (employer_id);
CREATE INDEX notes_previous ON notes (previous_version_id);

-- Text being typed, saved as typed; finishing it makes a note version.
CREATE TABLE note_drafts (
    id           TEXT PRIMARY KEY,
    candidate_id TEXT NOT NULL DEFAULT '' REFERENCES candidates (id),
    note_id      TEXT REFERENCES notes (id),
    kind         TEXT NOT NULL DEFAULT 'gesprek',
    body         TEXT NOT NULL DEFAULT '',
    noted_on     TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL DEFAULT '',
    updated_at   TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX note_drafts_candidate ON note_drafts (candidate_id);

-- Full-text search over names and current note versions. remove_diacritics 2 folds
-- "oriëntatie" and "orientatie" together.
CREATE VIRTUAL TABLE candidate_fts USING fts5 (
    name, tokenize = 'unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE note_fts USING fts5 (
    body, tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER candidates_fts_insert AFTER INSERT ON candidates BEGIN
    INSERT INTO candidate_fts (rowid, name)
    VALUES (new.n, trim(new.first_name || ' ' || new.name_prefix || ' ' || new.last_name));
END;
CREATE TRIGGER candidates_fts_update AFTER UPDATE OF first_name, name_prefix, last_name
ON candidates BEGIN
    DELETE FROM candidate_fts WHERE rowid = old.n;
    INSERT INTO candidate_fts (rowid, name)
    VALUES (new.n, trim(new.first_name || ' ' || new.name_prefix || ' ' || new.last_name));
END;
CREATE TRIGGER candidates_fts_delete AFTER DELETE ON candidates BEGIN
    DELETE FROM candidate_fts WHERE rowid = old.n;
END;

CREATE TRIGGER notes_fts_insert AFTER INSERT ON notes BEGIN
    INSERT INTO note_fts (rowid, body) VALUES (new.n, new.body);
    -- A new version replaces the old one in search.
    DELETE FROM note_fts
    WHERE new.previous_version_id IS NOT NULL
      AND rowid = (SELECT n FROM notes WHERE id = new.previous_version_id);
END;
CREATE TRIGGER notes_fts_update AFTER UPDATE OF body ON notes BEGIN
    DELETE FROM note_fts WHERE rowid = old.n;
    INSERT INTO note_fts (rowid, body) VALUES (new.n, new.body);
END;
CREATE TRIGGER notes_fts_delete AFTER DELETE ON notes BEGIN
    DELETE FROM note_fts WHERE rowid = old.n;
END;
