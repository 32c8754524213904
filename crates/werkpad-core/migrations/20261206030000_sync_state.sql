-- The field states of a record in one row instead of a row per field. A pulled werkgever
-- of nine fields was nine B-tree inserts with its key repeated in each: most of the rows,
-- pages and encryption work of a first sync. `fields` is a JSON object
-- {"<field>": [<server seq>, "<stamp>"], ...}; a field's state only moves forward. A stamp
-- made on `device` (most of them: a record is mostly written on one laptop) is kept as
-- [<seq>, "<16 hex>", 1], without its 37 characters of ":<device>".
CREATE TABLE sync_state (
    entity    TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    device    TEXT NOT NULL DEFAULT '',
    fields    TEXT NOT NULL,
    PRIMARY KEY (entity, entity_id)
) STRICT;

INSERT INTO sync_state (entity, entity_id, fields)
SELECT entity, entity_id, json_group_object(field, json_array(seq, hlc))
FROM sync_fields GROUP BY entity, entity_id;

DROP TABLE sync_fields;

-- One row per field, as before, for everything that reads field states.
CREATE VIEW sync_fields (entity, entity_id, field, seq, hlc) AS
SELECT s.entity, s.entity_id, f.key, f.value ->> 0,
       CASE WHEN json_array_length(f.value) = 3 THEN (f.value ->> 1) || ':' || s.device
            ELSE f.value ->> 1 END
FROM sync_state s, json_each(s.fields) f;
