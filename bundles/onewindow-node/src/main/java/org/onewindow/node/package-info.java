/** The identity of this OneWindow node (district or hub) and the status every capability reports. */
@Export
@Version("1.1.0")
package org.onewindow.node;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
