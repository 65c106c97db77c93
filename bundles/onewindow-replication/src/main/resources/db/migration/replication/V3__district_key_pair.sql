-- This district signs with a key pair of its own (the private key in a file under data/onewindow/federation): the
-- link keeps the public key and its scheme. SIGNING_KEY and TOKEN are what a district federated before had (the
-- shared key the hub gave it, its registration token); they stay only until its one key rollover, which empties them.
ALTER TABLE REPL_LINK ADD COLUMN KEY_ALGORITHM VARCHAR(32);
ALTER TABLE REPL_LINK ADD COLUMN PUBLIC_KEY VARCHAR(1000);
ALTER TABLE REPL_LINK ALTER COLUMN TOKEN NULL;
