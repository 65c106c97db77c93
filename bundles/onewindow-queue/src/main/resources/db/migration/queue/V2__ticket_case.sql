-- A ticket serves a case (opened from it, or handed out to it): its service ends when the case is accepted, rejected
-- or handed out. CASE_SEQ is the change journal's head when the case was named, so only later changes end it.
-- TEXTED_AT: when the citizen was told by text that their turn comes (无声叫号), so that it is told once.
ALTER TABLE QUEUE_TICKET ADD COLUMN CASE_NO VARCHAR(40);
ALTER TABLE QUEUE_TICKET ADD COLUMN CASE_SEQ BIGINT;
ALTER TABLE QUEUE_TICKET ADD COLUMN TEXTED_AT TIMESTAMP;
CREATE INDEX IX_QUEUE_TICKET_CASE ON QUEUE_TICKET (CASE_NO);
-- how far the queue has read the change journal for cases' moves
CREATE TABLE QUEUE_CASE_CURSOR (
  ID INT NOT NULL,
  LAST_SEQ BIGINT NOT NULL,
  CONSTRAINT PK_QUEUE_CASE_CURSOR PRIMARY KEY (ID)
);
