/** Karaf shell commands acting for the logged-in user, with the same role checks as the REST API, and their tables lined up by display width. */
@Export
@Version("2.0.0")
package org.onewindow.shell;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
