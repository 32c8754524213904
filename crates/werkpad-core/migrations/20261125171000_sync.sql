-- Sync with the regional server (see shared/SYNC.md).

-- Enrolment and where the pull stands. One row once the laptop is enrolled; the device
-- secret lives only here, inside the encrypted store.
CREATE TABLE sync_settings (
    id              INTEGER PRIMARY KEY CHECK (id = 1),
    server_url      TEXT NOT NULL,
    token           TEXT NOT NULL,
    user_name       TEXT NOT NULL,
    role            TEXT NOT NULL,
    team            TEXT,
    enrolled_at     TEXT NOT NULL,
    -- Server sequence through which pulled operations are applied; moved in the same
    -- transaction as the page it ends.
    pull_cursor     INTEGER NOT NULL DEFAULT 0,
    last_sync_at    TEXT,
    last_error_code TEXT,
    last_error      TEXT
) STRICT;

-- The server sequence (and stamp) of every field this laptop has seen. An outbox
-- operation takes its base_seq from here when it is written.
CREATE TABLE sync_fields (
    entity    TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    field     TEXT NOT NULL,
    seq       INTEGER NOT NULL,
    hlc       TEXT NOT NULL,
    PRIMARY KEY (entity, entity_id, field)
) STRICT, WITHOUT ROWID;

-- The number an operation carries on the wire: given (durably) when it is first sent, so a
-- retry repeats exactly the same batch. Local-only entities never get one.
ALTER TABLE outbox ADD COLUMN wire_seq INTEGER;
CREATE UNIQUE INDEX outbox_wire_seq ON outbox (wire_seq) WHERE wire_seq IS NOT NULL;
CREATE INDEX outbox_field ON outbox (entity, entity_id, field);

-- Conflict records written by the server: both values, who and when. `resolution` is ''
-- while open, else the JSON of the choice (it syncs like any field).
CREATE TABLE conflicts (
    id          TEXT PRIMARY KEY,
    entity      TEXT NOT NULL DEFAULT '',
    entity_id   TEXT NOT NULL DEFAULT '',
    field       TEXT NOT NULL DEFAULT '',
    winner      TEXT NOT NULL DEFAULT 'null',
    loser       TEXT NOT NULL DEFAULT 'null',
    detected_at TEXT NOT NULL DEFAULT '',
    resolution  TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL DEFAULT '',
    updated_at  TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX conflicts_record ON conflicts (entity, entity_id);

-- What remains of an erased record: no personal data, only that it existed.
CREATE TABLE tombstones (
    entity    TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    erased_at TEXT NOT NULL,
    PRIMARY KEY (entity, entity_id)
) STRICT;
