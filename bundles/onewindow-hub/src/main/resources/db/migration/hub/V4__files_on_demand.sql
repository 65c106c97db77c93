-- Files on demand: the journal carries the metadata of a case's materials, not its scanned files; these are
-- fetched from the case's district when a city user asks for them, and kept as base64 text, which Derby and
-- PostgreSQL store alike. A file is kept once per case.
CREATE TABLE HUB_FILE (
    ID BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    CASE_NO VARCHAR(40) NOT NULL,
    DISTRICT CHAR(6) NOT NULL,
    FILE_NAME VARCHAR(255) NOT NULL,
    CONTENT_TYPE VARCHAR(100) NOT NULL,
    SIZE_BYTES BIGINT NOT NULL,
    SHA256 CHAR(64) NOT NULL,
    CONTENT CLOB NOT NULL,
    ARRIVED_AT TIMESTAMP NOT NULL,
    CONSTRAINT UQ_HUB_FILE UNIQUE (CASE_NO, SHA256)
);
