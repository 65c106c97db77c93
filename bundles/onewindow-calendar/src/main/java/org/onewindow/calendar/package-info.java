/**
 * The official working-day calendar of mainland China (public holidays and makeup working days, 调休,
 * as the State Council announces them each year), in which the time limits of cases are counted.
 */
@Export
@Version("1.1.0")
package org.onewindow.calendar;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
