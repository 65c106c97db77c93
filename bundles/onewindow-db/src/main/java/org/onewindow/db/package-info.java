/** Versioned schema migrations, the retried transaction and the change journal of the OneWindow database, shared by every capability bundle; {@code PrivateFiles}: files holding secrets or personal data 0600 in 0700 folders; 1.4: {@code Storage}, the disk under the data and whether the database can be written; the journal's standing with the city hub, which holds new cases at a start until the hub confirms it and after a restore until it is reconciled, and {@code JournalRestore}, by which capabilities put back what the hub holds; 1.5: {@code Jdbc.placeholders}. */
@Export
@Version("1.7.0")
package org.onewindow.db;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
