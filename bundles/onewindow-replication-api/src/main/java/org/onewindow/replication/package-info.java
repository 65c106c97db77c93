/**
 * The replication protocol between district nodes and the city hub (R11, R12): registration and
 * approval, the district's signed batches of journal records, the hub's acknowledgement, the
 * records the hub keeps, and the messages it carries between districts for cross-district handling.
 */
@Export
@Version("1.1.0")
package org.onewindow.replication;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
