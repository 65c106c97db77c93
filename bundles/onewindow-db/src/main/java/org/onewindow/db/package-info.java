/** Versioned schema migrations of the OneWindow database, shared by every capability bundle. */
@Export
@Version("1.1.0")
package org.onewindow.db;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
