-- The journal's standing with the city hub, which decides whether new cases may take numbers. HUB_CHECK_SECONDS (null
-- while not federated): at each start the hub must confirm that this journal continues the one it holds before a
-- case is taken in, waiting at most that long for a hub that does not answer. REWOUND_AT: the hub found this journal
-- behind what it had acknowledged (a data/ restored from an older copy); nothing is numbered until the district has
-- put back what the hub holds of it and rebased its journal (see docs/operations.md, "Restoring a district").
ALTER TABLE OW_JOURNAL_COUNTER ADD COLUMN HUB_CHECK_SECONDS INT;
ALTER TABLE OW_JOURNAL_COUNTER ADD COLUMN REWOUND_AT TIMESTAMP;
ALTER TABLE OW_JOURNAL_COUNTER ADD COLUMN REWOUND_DETAIL VARCHAR(1000);
