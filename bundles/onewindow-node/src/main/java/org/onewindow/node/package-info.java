/** The identity of this OneWindow node (district or hub) and the status every capability reports, with what makes the node's health {@code DEGRADED} ({@code HealthReason}). */
@Export
@Version("1.3.0")
package org.onewindow.node;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
