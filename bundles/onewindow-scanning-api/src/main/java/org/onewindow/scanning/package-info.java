/** Scanned or photographed materials of a case (R4): stored once, served only to those who may see the case. */
@Export
@Version("2.1.0")
package org.onewindow.scanning;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
