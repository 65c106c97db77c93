-- Districts sign with key pairs of their own: the hub keeps each district's public key (X.509, base64) and its
-- fingerprint (SHA-256 of the encoding, hex), never a secret of the district.
ALTER TABLE HUB_DISTRICT ADD COLUMN KEY_ALGORITHM VARCHAR(32);
ALTER TABLE HUB_DISTRICT ADD COLUMN PUBLIC_KEY VARCHAR(1000);
ALTER TABLE HUB_DISTRICT ADD COLUMN KEY_FINGERPRINT CHAR(64);
ALTER TABLE HUB_DISTRICT ADD COLUMN KEY_SINCE TIMESTAMP;
-- What districts federated before had instead: the shared key the hub gave them and the hash of their registration
-- token. Each is kept only until the district's one key rollover, which deletes it; a revoked district's are void
-- already and go now.
ALTER TABLE HUB_DISTRICT ADD COLUMN LEGACY_KEY VARCHAR(100);
ALTER TABLE HUB_DISTRICT ADD COLUMN LEGACY_TOKEN_HASH CHAR(64);
UPDATE HUB_DISTRICT SET LEGACY_KEY = SIGNING_KEY, LEGACY_TOKEN_HASH = TOKEN_HASH WHERE STATE <> 'REVOKED';
ALTER TABLE HUB_DISTRICT DROP COLUMN SIGNING_KEY;
ALTER TABLE HUB_DISTRICT DROP COLUMN TOKEN_HASH;
-- Keys registered for a district code that was taken: refused, kept (a few per code) so that a security
-- administrator can make one the district's key, naming its fingerprint, when the district's appliance was reinstalled.
CREATE TABLE HUB_KEY_CANDIDATE (
    DISTRICT CHAR(6) NOT NULL,
    KEY_FINGERPRINT CHAR(64) NOT NULL,
    KEY_ALGORITHM VARCHAR(32) NOT NULL,
    PUBLIC_KEY VARCHAR(1000) NOT NULL,
    NAME VARCHAR(100),
    VERSION VARCHAR(40),
    ARRIVED_AT TIMESTAMP NOT NULL,
    PRIMARY KEY (DISTRICT, KEY_FINGERPRINT)
);
