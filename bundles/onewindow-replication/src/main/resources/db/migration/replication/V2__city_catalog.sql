-- The city's catalog as this district last pulled it: a hash of each item's content, so that a later
-- pull tells a change at the city (imported) from a change of this district's own (reported).
CREATE TABLE REPL_CATALOG (
    ITEM_CODE VARCHAR(64) NOT NULL PRIMARY KEY,
    CITY_HASH CHAR(64) NOT NULL,
    PULLED_AT TIMESTAMP NOT NULL
);
