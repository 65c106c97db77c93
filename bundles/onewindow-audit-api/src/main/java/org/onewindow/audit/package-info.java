/**
 * The one audit trail of a node (GB/T 22239-2019 level 3; the Cybersecurity Law's six months of network logs):
 * logins, changes to users, roles, bindings, keys, configuration and the catalog, every read of a citizen's case,
 * scan or licence, exports and shell commands, appended through {@link AuditTrail} in the caller's own transaction
 * where the event goes with a change. Each record carries the hash of the one before it, so a changed, removed or
 * moved record breaks the chain where it happened ({@link ChainReport}). Plain Java: no HTTP, no JDBC beyond the
 * caller's connection.
 */
@Export
@Version("1.0.0")
package org.onewindow.audit;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
