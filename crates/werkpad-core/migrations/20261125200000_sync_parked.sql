-- Pulled fields of a record whose parent this laptop does not hold yet (its link field, or
-- the parent itself, comes in a later page). Kept here instead of in the record's table,
-- whose references must hold at every commit; put back once the parent is there.
CREATE TABLE sync_parked (
    entity    TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    field     TEXT NOT NULL,
    value     ANY,
    seq       INTEGER NOT NULL,
    PRIMARY KEY (entity, entity_id, field)
) STRICT, WITHOUT ROWID;
