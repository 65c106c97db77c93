/**
 * Supervision of time limits (效能监察, R6): yellow cards for cases about to run over, red cards for
 * cases over their deadline and for demands beyond the catalog, and the figures by department and item.
 */
@Export
@Version("1.1.0")
package org.onewindow.supervision;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
