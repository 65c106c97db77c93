-- A batch asks which of its card and licence keys the hub has (DISTRICT = ? AND KIND = ? AND RECORD_KEY IN (…)). Derby
-- probes an IN list only through an index that the list's column leads; with (KIND, RECORD_KEY) it scanned every record
-- of the district and kind instead, once per batch, so ingest slowed as the city's records grew (issue 21: at 1,000,000
-- cases, most of a batch's time). The same index with the key first serves that and the licence library's look-up by
-- type and number (KIND = 'LICENCE' AND RECORD_KEY = ?) alike; PostgreSQL uses either.
DROP INDEX HUB_RECORD_KEY;
CREATE INDEX HUB_RECORD_KEY ON HUB_RECORD (RECORD_KEY, KIND);
