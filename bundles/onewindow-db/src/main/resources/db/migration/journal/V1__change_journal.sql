-- The node's change journal: what is to be replicated to the city hub, numbered in commit order.
-- The one row of OW_JOURNAL_COUNTER is updated in each writing transaction, so a number is taken
-- only when that transaction commits and numbers are never seen out of order.
CREATE TABLE OW_JOURNAL_COUNTER (
    ID INT NOT NULL PRIMARY KEY,
    LAST_SEQ BIGINT NOT NULL
);
INSERT INTO OW_JOURNAL_COUNTER (ID, LAST_SEQ) VALUES (1, 0);
CREATE TABLE OW_JOURNAL (
    SEQ BIGINT NOT NULL PRIMARY KEY,
    KIND VARCHAR(32) NOT NULL,
    RECORD_KEY VARCHAR(200) NOT NULL,
    PAYLOAD CLOB NOT NULL,
    WRITTEN_AT TIMESTAMP NOT NULL
);
