-- Rounds of a poll (a Delphi rerun): a poll that is round 2, 3, … of another, linked to the round
-- before it and to the chain's first round. A round has at most one next round (UNIQUE), so rounds
-- form one chain. Polls from before this table are all first rounds: they have no row here.
-- SQLite's version (STRICT); migrations/postgresql says BIGINT.
CREATE TABLE poll_round (
    poll_id          INTEGER PRIMARY KEY REFERENCES poll (id),
    previous_poll_id INTEGER NOT NULL UNIQUE REFERENCES poll (id),
    first_poll_id    INTEGER NOT NULL REFERENCES poll (id),
    round            INTEGER NOT NULL CHECK (round >= 2),
    CHECK (previous_poll_id <> poll_id)
) STRICT;
