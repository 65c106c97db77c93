-- 全市通办: what the hub carries between districts (a case handed over to the district that decides it, that
-- district's receipt, its decision), each kept until its recipient acknowledges it; one row per message key,
-- however often the sender repeats it.
CREATE TABLE HUB_MESSAGE (
    ID BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    MESSAGE_KEY VARCHAR(120) NOT NULL,
    KIND VARCHAR(16) NOT NULL,
    CASE_NO VARCHAR(40) NOT NULL,
    FROM_DISTRICT CHAR(6) NOT NULL,
    TO_DISTRICT CHAR(6) NOT NULL,
    PAYLOAD CLOB NOT NULL,
    CREATED_AT TIMESTAMP NOT NULL,
    DELIVERED_AT TIMESTAMP,
    LAST_ERROR VARCHAR(1000),
    CONSTRAINT UQ_HUB_MESSAGE_KEY UNIQUE (MESSAGE_KEY)
);
CREATE INDEX HUB_MESSAGE_INBOX ON HUB_MESSAGE (TO_DISTRICT, DELIVERED_AT, ID);
CREATE INDEX HUB_MESSAGE_CASE ON HUB_MESSAGE (CASE_NO, KIND);
