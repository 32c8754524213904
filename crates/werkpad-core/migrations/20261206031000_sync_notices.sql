-- Changes this laptop could not deliver because their case is no longer this user's (the
-- share ended, the case moved to a colleague): the server refused them, or a purge took
-- them before they were sent. The values themselves go with the case (it may no longer be
-- kept here); what stays, until the coach has read it, is which kandidaat and how many
-- changes, so nothing is lost without the coach knowing. Local only, never synced.
CREATE TABLE sync_notices (
    id           INTEGER PRIMARY KEY,
    candidate_id TEXT NOT NULL,
    name         TEXT NOT NULL,
    changes      INTEGER NOT NULL,
    at           TEXT NOT NULL
) STRICT;
CREATE INDEX sync_notices_case ON sync_notices (candidate_id);
