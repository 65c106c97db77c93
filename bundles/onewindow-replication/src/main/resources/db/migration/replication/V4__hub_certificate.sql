-- The SHA-256 fingerprint of the hub's TLS certificate, pinned when district IT confirmed it at registration (trust
-- on first use, as SSH's known hosts); changed only by onewindow:hub-certificate or PUT /replication/hub-certificate.
ALTER TABLE REPL_LINK ADD COLUMN HUB_CERT_SHA256 VARCHAR(100);
