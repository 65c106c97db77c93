/** Versioned schema migrations, the retried transaction and the change journal of the OneWindow database, shared by every capability bundle. */
@Export
@Version("1.2.0")
package org.onewindow.db;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
