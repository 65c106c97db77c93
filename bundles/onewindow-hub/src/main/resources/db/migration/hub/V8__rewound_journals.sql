-- A district restored from an older copy of its data/ writes other records under numbers the hub has acknowledged. The
-- hub keeps the digest of the district's record at ACKED_SEQ (ACKED_DIGEST, SHA-256 hex, or the value a reconciled
-- district chose) and takes a batch only once the district's record there has it. A journal found behind (shorter than
-- ACKED_SEQ, or another record at it) is marked REWOUND_AT, with why, and nothing of it is taken, whatever numbers it
-- reaches later, until the district has reconciled: taken back what the hub holds of it and rebased its journal past
-- ACKED_SEQ (RECONCILED_AT).
ALTER TABLE HUB_DISTRICT ADD COLUMN ACKED_DIGEST VARCHAR(64);
ALTER TABLE HUB_DISTRICT ADD COLUMN REWOUND_AT TIMESTAMP;
ALTER TABLE HUB_DISTRICT ADD COLUMN REWOUND_DETAIL VARCHAR(400);
ALTER TABLE HUB_DISTRICT ADD COLUMN RECONCILED_AT TIMESTAMP;
