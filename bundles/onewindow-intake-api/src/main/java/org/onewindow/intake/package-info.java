/**
 * The comprehensive window (综合窗口): cases taken in for any catalog item, their one-time notice,
 * their status history, and their handing out at one window. 1.9: {@link Channel#label()}.
 */
@Export
@Version("1.9.0")
package org.onewindow.intake;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
