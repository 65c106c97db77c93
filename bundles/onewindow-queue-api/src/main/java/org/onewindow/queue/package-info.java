/**
 * The hall floor's queue (排队叫号): queue groups and windows, tickets taken at the kiosk, the information desk or by an
 * appointment's check-in, windows calling them in order, and the hall screen's board of calls (numbers and windows only).
 */
@Export
@Version("1.0.0")
package org.onewindow.queue;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
