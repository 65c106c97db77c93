/** Versioned schema migrations, the retried transaction and the change journal of the OneWindow database (1.4: its standing with the city hub, which holds new cases at a start until the hub confirms it and after a restore until it is reconciled, and {@code JournalRestore}, by which capabilities put back what the hub holds), shared by every capability bundle; {@code PrivateFiles}: files holding secrets or personal data 0600 in 0700 folders. */
@Export
@Version("1.4.0")
package org.onewindow.db;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
