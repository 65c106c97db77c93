/**
 * The official working-day calendar of mainland China (public holidays and makeup working days, 调休,
 * as the State Council announces them each year), in which the time limits of cases are counted: the
 * contract only; the schedules and the rules that count them stay inside the calendar bundle.
 */
@Export
@Version("2.0.0")
package org.onewindow.calendar;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
