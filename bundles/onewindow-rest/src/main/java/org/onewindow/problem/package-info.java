/** Failures with a stable code, raised by services and turned into JSON errors at the edge. */
@Export
@Version("1.2.0")
package org.onewindow.problem;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
