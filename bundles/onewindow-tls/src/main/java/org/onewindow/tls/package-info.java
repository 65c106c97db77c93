/**
 * TLS for the appliance's outgoing links and secrets kept out of {@code etc/} files: how a link verifies the
 * other end ({@link PeerTrust}: the city CA's trust store, or the peer's certificate pinned by its SHA-256
 * fingerprint, optionally with this appliance's certificate as client certificate), the {@link OutgoingTls}
 * service that makes the {@code SSLContext} for it, and {@link Secrets}, which reads a configured secret
 * given as {@code keystore:<file>#<alias>}.
 */
@Export
@Version("1.0.0")
package org.onewindow.tls;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
