/** Versioned schema migrations, the retried transaction and the change journal of the OneWindow database, shared by every capability bundle; {@code PrivateFiles}: files holding secrets or personal data 0600 in 0700 folders; {@code Storage}: the disk under the data and whether the database can be written. */
@Export
@Version("1.4.0")
package org.onewindow.db;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
