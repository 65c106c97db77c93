/**
 * The hall floor's queue (排队叫号): queue groups and windows, tickets taken at the kiosk, the information desk or by an
 * appointment's check-in, windows calling them in order, and the hall screen's board of calls (numbers and windows only).
 * 1.1: a case opened from (or handed out to) a called ticket ({@link TicketIntakeDTO}, {@link TicketDTO#caseNo()}); its
 * service ends with the case's acceptance, rejection or hand-out; the day and hour reports ({@link QueueReportDTO}).
 * 1.2: the numbers served without a case ({@link ServedTicketDTO}), which the hall's 好差评 rates.
 */
@Export
@Version("1.2.0")
package org.onewindow.queue;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
