-- The figures of each finished day of the queue (a QueueDayDTO as JSON), kept for the reports once the day is over;
-- the same record goes to the city hub with the journal (kind QUEUE_DAY, key the day).
CREATE TABLE QUEUE_DAY (
  DAY DATE NOT NULL,
  PAYLOAD VARCHAR(32000) NOT NULL,
  CLOSED_AT TIMESTAMP NOT NULL,
  CONSTRAINT PK_QUEUE_DAY PRIMARY KEY (DAY)
);
