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

CREATE TABLE candidates (
    id                TEXT PRIMARY KEY,
    first_name        TEXT NOT NULL DEFAULT '',
    last_name         TEXT NOT NULL DEFAULT '',
    date_of_birth     TEXT NOT NULL DEFAULT '',
    phone             TEXT NOT NULL DEFAULT '',
    email             TEXT NOT NULL DEFAULT '',
    street            TEXT NOT NULL DEFAULT '',
    postcode          TEXT NOT NULL DEFAULT '',
    city              TEXT NOT NULL DEFAULT '',
    benefit_situation TEXT NOT NULL DEFAULT 'onbekend',
    phase             TEXT NOT NULL DEFAULT 'intake',
    owner             TEXT NOT NULL DEFAULT '',
    created_at        TEXT NOT NULL DEFAULT '',
    updated_at        TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX candidates_name ON candidates (last_name, first_name);
CREATE INDEX candidates_phase ON candidates (phase);

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
    id                  TEXT PRIMARY KEY,
    candidate_id        TEXT REFERENCES candidates (id),
    employer_id         TEXT REFERENCES employers (id),
    kind                TEXT NOT NULL DEFAULT 'gesprek',
    body                TEXT NOT NULL DEFAULT '',
    author              TEXT NOT NULL DEFAULT '',
    noted_on            TEXT NOT NULL DEFAULT '',
    previous_version_id TEXT REFERENCES notes (id),
    created_at          TEXT NOT NULL DEFAULT '',
    updated_at          TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX notes_candidate ON notes (candidate_id);
CREATE INDEX notes_employer ON notes (employer_id);
