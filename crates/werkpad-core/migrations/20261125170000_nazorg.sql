-- Plaatsing, instruments, nazorg and the waakvlam.
-- Same rule as the first schema: every synced field has its own column with a default.

-- The instrument catalogue is data, editable per region: deadline rules are JSON, e.g.
-- [{"key":"aanvraag","label":"Aanvraagtermijn loonkostensubsidie verloopt","anchor":"start","months":6}]
-- anchor "start" counts from the instrument's start, "end" from its (planned) end.
CREATE TABLE instruments (
    id              TEXT PRIMARY KEY,
    name            TEXT NOT NULL DEFAULT '',
    for_whom        TEXT NOT NULL DEFAULT 'werkzoekende',
    default_months  INTEGER NOT NULL DEFAULT 0,
    deadline_rules  TEXT NOT NULL DEFAULT '[]',
    has_amount      INTEGER NOT NULL DEFAULT 0,
    position        INTEGER NOT NULL DEFAULT 0,
    active          INTEGER NOT NULL DEFAULT 1,
    created_at      TEXT NOT NULL DEFAULT '',
    updated_at      TEXT NOT NULL DEFAULT ''
) STRICT;

-- Defaults from the domain notes. Ids are fixed so every laptop and the server agree on them.
INSERT INTO instruments (id, name, for_whom, default_months, deadline_rules, has_amount, position, created_at, updated_at) VALUES
 ('loonkostensubsidie', 'Loonkostensubsidie (LKS)', 'werkgever', 0,
  '[{"key":"aanvraag","label":"Aanvraagtermijn loonkostensubsidie verloopt","anchor":"start","months":6,"days":0}]', 1, 10, '', ''),
 ('loonkostenvoordeel', 'Loonkostenvoordeel (LKV)', 'werkgever', 0,
  '[{"key":"doelgroepverklaring","label":"Doelgroepverklaring LKV aanvragen","anchor":"start","months":3,"days":0}]', 1, 20, '', ''),
 ('no_riskpolis', 'No-riskpolis', 'werkgever', 0, '[]', 0, 30, '', ''),
 ('jobcoaching', 'Jobcoaching', 'beide', 6,
  '[{"key":"einde","label":"Einde jobcoaching","anchor":"end","months":0,"days":0}]', 1, 40, '', ''),
 ('proefplaatsing', 'Proefplaatsing', 'beide', 2,
  '[{"key":"einde","label":"Einde proefplaatsing","anchor":"start","months":2,"days":0}]', 0, 50, '', ''),
 ('werkplekaanpassing', 'Werkplekaanpassing', 'beide', 0, '[]', 1, 60, '', ''),
 ('less_risk_polis', 'Less Risk Polis voucher', 'werkgever', 0, '[]', 1, 70, '', ''),
 ('jobcoach_voucher', 'Jobcoach voucher', 'werkzoekende', 0, '[]', 1, 80, '', ''),
 ('praktijkleren', 'Praktijkleren subsidie', 'werkgever', 0, '[]', 1, 90, '', ''),
 ('scholing', 'Scholing (VCA, heftruck, BBL/BOL, praktijkverklaring)', 'werkzoekende', 0,
  '[{"key":"einde","label":"Einde scholing","anchor":"end","months":0,"days":0}]', 1, 100, '', ''),
 ('maatwerkbudget', 'Maatwerkbudget (bijv. reiskosten)', 'werkzoekende', 0, '[]', 1, 110, '', ''),
 ('schuldhulp', 'Schuldhulp', 'werkzoekende', 0, '[]', 0, 120, '', ''),
 ('lifecoach', 'Lifecoach', 'werkzoekende', 0, '[]', 0, 130, '', ''),
 ('ips', 'IPS (individuele plaatsing en steun)', 'werkzoekende', 0, '[]', 0, 140, '', ''),
 ('leerwerktraject', 'Leerwerktraject', 'beide', 12,
  '[{"key":"einde","label":"Einde leerwerktraject","anchor":"end","months":0,"days":0}]', 0, 150, '', ''),
 ('open_hiring', 'Open hiring', 'werkgever', 0, '[]', 0, 160, '', ''),
 ('snuffelstage', 'Snuffelstage', 'werkzoekende', 0, '[]', 0, 170, '', ''),
 ('werkervaringsplek', 'Werkervaringsplek', 'beide', 6,
  '[{"key":"einde","label":"Einde werkervaringsplek","anchor":"end","months":0,"days":0}]', 0, 180, '', '');

-- Region-configurable cadences (JSON values), e.g. nazorg = ["1w","1m","3m","6m","12m"].
CREATE TABLE settings (
    id          TEXT PRIMARY KEY,
    value       TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL DEFAULT '',
    updated_at  TEXT NOT NULL DEFAULT ''
) STRICT;
INSERT INTO settings (id, value, created_at, updated_at) VALUES
 ('schedule.nazorg', '["1w","1m","3m","6m","12m"]', '', ''),
 ('schedule.intensief', '["1w","2w","1m","2m","3m","6m"]', '', ''),
 ('schedule.waakvlam', '{"every_months":3,"years":2}', '', '');

-- A person starting work at an employer, on a traject.
CREATE TABLE placements (
    id              TEXT PRIMARY KEY,
    trajectory_id   TEXT NOT NULL DEFAULT '' REFERENCES trajectories (id),
    candidate_id    TEXT NOT NULL DEFAULT '' REFERENCES candidates (id),
    employer_name   TEXT NOT NULL DEFAULT '',
    employer_id     TEXT,
    function_title  TEXT NOT NULL DEFAULT '',
    started_on      TEXT NOT NULL DEFAULT '',
    contract_type   TEXT NOT NULL DEFAULT '',
    hours_per_week  INTEGER NOT NULL DEFAULT 0,
    routes          TEXT NOT NULL DEFAULT '[]',
    agreements      TEXT NOT NULL DEFAULT '',
    risks           TEXT NOT NULL DEFAULT '',
    fallback_plan   TEXT NOT NULL DEFAULT '',
    status          TEXT NOT NULL DEFAULT 'lopend',
    ended_on        TEXT NOT NULL DEFAULT '',
    end_reason      TEXT NOT NULL DEFAULT '',
    intensity       TEXT NOT NULL DEFAULT 'nazorg',
    beschut         INTEGER NOT NULL DEFAULT 0,
    waakvlam_until  TEXT NOT NULL DEFAULT '',
    durable_6m_on   TEXT NOT NULL DEFAULT '',
    durable_12m_on  TEXT NOT NULL DEFAULT '',
    created_at      TEXT NOT NULL DEFAULT '',
    updated_at      TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX placements_trajectory ON placements (trajectory_id, started_on);
CREATE INDEX placements_candidate ON placements (candidate_id);

CREATE TABLE placement_instruments (
    id             TEXT PRIMARY KEY,
    placement_id   TEXT NOT NULL DEFAULT '' REFERENCES placements (id),
    instrument_id  TEXT NOT NULL DEFAULT '',
    started_on     TEXT NOT NULL DEFAULT '',
    ended_on       TEXT NOT NULL DEFAULT '',
    amount_cents   INTEGER NOT NULL DEFAULT 0,
    created_at     TEXT NOT NULL DEFAULT '',
    updated_at     TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX placement_instruments_placement ON placement_instruments (placement_id);

-- Follow-ups that come back on time. The id is deterministic (placement, kind, subject,
-- anchor, offset), so generating the same schedule again never makes a second row.
-- due_on is the working day it is shown on; planned_on the calendar date it came from.
CREATE TABLE reminders (
    id             TEXT PRIMARY KEY,
    candidate_id   TEXT NOT NULL DEFAULT '' REFERENCES candidates (id),
    placement_id   TEXT NOT NULL DEFAULT '' REFERENCES placements (id),
    kind           TEXT NOT NULL DEFAULT 'nazorg',
    subject        TEXT NOT NULL DEFAULT '',
    offset_key     TEXT NOT NULL DEFAULT '',
    reason         TEXT NOT NULL DEFAULT '',
    planned_on     TEXT NOT NULL DEFAULT '',
    due_on         TEXT NOT NULL DEFAULT '',
    status         TEXT NOT NULL DEFAULT 'open',
    done_on        TEXT NOT NULL DEFAULT '',
    created_at     TEXT NOT NULL DEFAULT '',
    updated_at     TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX reminders_due ON reminders (status, due_on);
CREATE INDEX reminders_placement ON reminders (placement_id, kind);

-- A nazorg or waakvlam contact: who, how, how it went.
CREATE TABLE check_ins (
    id            TEXT PRIMARY KEY,
    placement_id  TEXT NOT NULL DEFAULT '' REFERENCES placements (id),
    reminder_id   TEXT,
    contacted     TEXT NOT NULL DEFAULT 'werknemer',
    channel       TEXT NOT NULL DEFAULT 'telefoon',
    outcome       TEXT NOT NULL DEFAULT 'goed',
    note          TEXT NOT NULL DEFAULT '',
    held_on       TEXT NOT NULL DEFAULT '',
    author        TEXT NOT NULL DEFAULT '',
    created_at    TEXT NOT NULL DEFAULT '',
    updated_at    TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX check_ins_placement ON check_ins (placement_id, held_on);
