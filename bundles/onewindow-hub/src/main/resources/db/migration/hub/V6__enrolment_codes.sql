-- One-time enrolment codes a city administrator issues per district code; a registration carries it where the hub's
-- configuration asks for one (requireEnrolmentCode). Kept as SHA-256 only, until used or replaced; void after EXPIRES_AT.
CREATE TABLE HUB_ENROLMENT_CODE (
    DISTRICT CHAR(6) NOT NULL PRIMARY KEY,
    CODE_HASH CHAR(64) NOT NULL,
    ISSUED_BY VARCHAR(100),
    ISSUED_AT TIMESTAMP NOT NULL,
    EXPIRES_AT TIMESTAMP NOT NULL
);
