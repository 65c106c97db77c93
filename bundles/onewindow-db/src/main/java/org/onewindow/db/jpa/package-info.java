/** What the capabilities' persistence units share: {@code InstantColumns}, {@code java.time.Instant} fields in timestamp columns. */
@Export
@Version("1.0.0")
package org.onewindow.db.jpa;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
