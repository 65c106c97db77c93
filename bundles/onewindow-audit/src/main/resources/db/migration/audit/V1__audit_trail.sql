-- The node's one audit trail (GB/T 22239-2019 level 3; network logs kept six months). Records are numbered
-- without gaps in commit order: the one row of AUDIT_HEAD is updated in each appending transaction, so appenders
-- take turns until they commit, and it holds the last record's hash, so an append needs no scan. Each record
-- carries the hash of the one before it (PREV_HASH) and its own (HASH, over its fields and PREV_HASH, with
-- ALGORITHM): a changed, removed or moved record breaks the chain at its place.
CREATE TABLE AUDIT_HEAD (
  ID INT NOT NULL,
  LAST_SEQ BIGINT NOT NULL,
  LAST_HASH VARCHAR(128) NOT NULL,
  CONSTRAINT PK_AUDIT_HEAD PRIMARY KEY (ID)
);
INSERT INTO AUDIT_HEAD (ID, LAST_SEQ, LAST_HASH) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
-- Kept apart from the head so that neither pruning nor the hub's acknowledgements hold appenders up: the anchor is
-- the last pruned record (the chain is verified from it), SHIPPED_SEQ the last record the city hub holds.
CREATE TABLE AUDIT_MARK (
  ID INT NOT NULL,
  ANCHOR_SEQ BIGINT NOT NULL,
  ANCHOR_HASH VARCHAR(128) NOT NULL,
  SHIPPED_SEQ BIGINT NOT NULL,
  CONSTRAINT PK_AUDIT_MARK PRIMARY KEY (ID)
);
INSERT INTO AUDIT_MARK (ID, ANCHOR_SEQ, ANCHOR_HASH, SHIPPED_SEQ) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000', 0);
-- AT_MILLIS: epoch milliseconds, stamped under the head's lock (no time zone in the hashed fields).
-- CITIZEN: the ID number masked; CITIZEN_KEY: HMAC-SHA256 of it whole under the node's own key (a search by ID
-- number finds it; the number itself is not here).
CREATE TABLE AUDIT_RECORD (
  SEQ BIGINT NOT NULL,
  AT_MILLIS BIGINT NOT NULL,
  ACTOR VARCHAR(100) NOT NULL,
  ROLES VARCHAR(200),
  CLIENT VARCHAR(64),
  CHANNEL VARCHAR(16),
  ACTION VARCHAR(40) NOT NULL,
  OBJECT_KIND VARCHAR(32),
  OBJECT_KEY VARCHAR(200),
  CASE_NO VARCHAR(40),
  CITIZEN VARCHAR(40),
  CITIZEN_KEY CHAR(64),
  OUTCOME VARCHAR(16) NOT NULL,
  DETAIL VARCHAR(1000),
  ALGORITHM VARCHAR(16) NOT NULL,
  PREV_HASH VARCHAR(128) NOT NULL,
  HASH VARCHAR(128) NOT NULL,
  CONSTRAINT PK_AUDIT_RECORD PRIMARY KEY (SEQ)
);
CREATE INDEX AUDIT_RECORD_ACTOR ON AUDIT_RECORD (ACTOR, SEQ);
CREATE INDEX AUDIT_RECORD_CITIZEN ON AUDIT_RECORD (CITIZEN_KEY, SEQ);
CREATE INDEX AUDIT_RECORD_CASE ON AUDIT_RECORD (CASE_NO, SEQ);
CREATE INDEX AUDIT_RECORD_OBJECT ON AUDIT_RECORD (OBJECT_KEY, SEQ);
CREATE INDEX AUDIT_RECORD_ACTION ON AUDIT_RECORD (ACTION, SEQ);
CREATE INDEX AUDIT_RECORD_AT ON AUDIT_RECORD (AT_MILLIS);
