-- Rounds of a poll (a Delphi rerun): PostgreSQL's version of migrations/sqlite/V13__create_poll_rounds.sql.
-- A poll that is round 2, 3, … of another, linked to the round before it and to the chain's first
-- round; a round has at most one next round (UNIQUE), so rounds form one chain. Polls from before
-- this table are all first rounds: they have no row here.
CREATE TABLE poll_round (
    poll_id          BIGINT  PRIMARY KEY REFERENCES poll (id),
    previous_poll_id BIGINT  NOT NULL UNIQUE REFERENCES poll (id),
    first_poll_id    BIGINT  NOT NULL REFERENCES poll (id),
    round            INTEGER NOT NULL CHECK (round >= 2),
    CHECK (previous_poll_id <> poll_id)
);
