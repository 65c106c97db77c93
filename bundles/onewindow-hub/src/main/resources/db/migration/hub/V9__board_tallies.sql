-- The citywide board's counts, kept current in the transaction that applies a district's batch (BatchApplier, CaseTallies),
-- so that the board reads a few rows per district and department instead of every case, whatever the number of cases.
-- A case counts once, under its latest state: a batch that moves it takes it out of its old row and into its new one.
-- HUB_CASE_DAY: per district, department, day taken in, channel and status (for boards over a period).
CREATE TABLE HUB_CASE_DAY (
    DISTRICT CHAR(6) NOT NULL,
    DEPT_CODE VARCHAR(32) NOT NULL,
    DAY DATE NOT NULL,
    CHANNEL VARCHAR(16) NOT NULL,
    STATUS VARCHAR(24) NOT NULL,
    CASES BIGINT NOT NULL,
    -- decided within their time limit, and decided at all (the in-time rate's numerator and denominator)
    IN_TIME BIGINT NOT NULL,
    TIMED BIGINT NOT NULL,
    -- delivered after at most one visit of the applicant
    ONE_VISIT BIGINT NOT NULL,
    PRIMARY KEY (DISTRICT, DEPT_CODE, DAY, CHANNEL, STATUS)
);
-- HUB_CASE_SUM: the same over all days and statuses, per district, department and channel: what the board shows.
CREATE TABLE HUB_CASE_SUM (
    DISTRICT CHAR(6) NOT NULL,
    DEPT_CODE VARCHAR(32) NOT NULL,
    CHANNEL VARCHAR(16) NOT NULL,
    DEPT_NAME VARCHAR(100),
    CASES BIGINT NOT NULL,
    IN_TIME BIGINT NOT NULL,
    TIMED BIGINT NOT NULL,
    DELIVERED BIGINT NOT NULL,
    ONE_VISIT BIGINT NOT NULL,
    PRIMARY KEY (DISTRICT, DEPT_CODE, CHANNEL)
);
-- the cases a hub already holds, counted once here (an unknown department or channel is '', an unknown day 1970-01-01)
INSERT INTO HUB_CASE_DAY (DISTRICT, DEPT_CODE, DAY, CHANNEL, STATUS, CASES, IN_TIME, TIMED, ONE_VISIT)
    SELECT DISTRICT, COALESCE(DEPT_CODE, ''), COALESCE(CAST(CREATED_AT AS DATE), DATE('1970-01-01')), COALESCE(CHANNEL, ''),
        COALESCE(STATUS, ''), COUNT(*), SUM(CASE WHEN IN_TIME = 1 THEN 1 ELSE 0 END),
        SUM(CASE WHEN IN_TIME IS NULL THEN 0 ELSE 1 END),
        SUM(CASE WHEN STATUS = 'DELIVERED' AND VISITS <= 1 THEN 1 ELSE 0 END)
    FROM HUB_CASE
    GROUP BY DISTRICT, COALESCE(DEPT_CODE, ''), COALESCE(CAST(CREATED_AT AS DATE), DATE('1970-01-01')), COALESCE(CHANNEL, ''),
        COALESCE(STATUS, '');
INSERT INTO HUB_CASE_SUM (DISTRICT, DEPT_CODE, CHANNEL, DEPT_NAME, CASES, IN_TIME, TIMED, DELIVERED, ONE_VISIT)
    SELECT DISTRICT, COALESCE(DEPT_CODE, ''), COALESCE(CHANNEL, ''), MAX(DEPT_NAME), COUNT(*), SUM(CASE WHEN IN_TIME = 1 THEN 1 ELSE 0 END),
        SUM(CASE WHEN IN_TIME IS NULL THEN 0 ELSE 1 END), SUM(CASE WHEN STATUS = 'DELIVERED' THEN 1 ELSE 0 END),
        SUM(CASE WHEN STATUS = 'DELIVERED' AND VISITS <= 1 THEN 1 ELSE 0 END)
    FROM HUB_CASE
    GROUP BY DISTRICT, COALESCE(DEPT_CODE, ''), COALESCE(CHANNEL, '');
-- A district's cases, for the district list, and its electronic licences, for the board.
ALTER TABLE HUB_DISTRICT ADD COLUMN CASES BIGINT NOT NULL DEFAULT 0;
ALTER TABLE HUB_DISTRICT ADD COLUMN LICENCES BIGINT NOT NULL DEFAULT 0;
UPDATE HUB_DISTRICT SET CASES = (SELECT COUNT(*) FROM HUB_CASE WHERE HUB_CASE.DISTRICT = HUB_DISTRICT.CODE);
UPDATE HUB_DISTRICT SET LICENCES = (SELECT COUNT(*) FROM HUB_RECORD WHERE HUB_RECORD.DISTRICT = HUB_DISTRICT.CODE
    AND HUB_RECORD.KIND = 'LICENCE');
-- A supervision card's colour as its record last had it (YELLOW, RED; NONE when green or removed), so that the board
-- counts open cards without reading every card's JSON. Cards applied before this column are classified at the hub's
-- start (CaseTallies.classifyCards), once.
ALTER TABLE HUB_RECORD ADD COLUMN COLOUR VARCHAR(8);
CREATE INDEX HUB_RECORD_COLOUR ON HUB_RECORD (KIND, COLOUR);
