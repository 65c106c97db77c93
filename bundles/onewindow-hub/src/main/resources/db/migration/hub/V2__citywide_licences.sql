-- The citywide licence library answers by type and number, whichever district holds the licence.
CREATE INDEX HUB_RECORD_KEY ON HUB_RECORD (KIND, RECORD_KEY);
CREATE INDEX HUB_EVENT_DISTRICT ON HUB_EVENT (DISTRICT, ID);
