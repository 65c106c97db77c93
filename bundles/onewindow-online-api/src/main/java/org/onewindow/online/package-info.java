/**
 * The online channel (网上办事, R8, R10): citizens signed in by ID number and a one-time code sent to a
 * mobile bound to that ID number through a verified path (at a window, or by a {@link RealNameVerifier}),
 * appointments at the hall, online applications with their pre-review, and the notifier through
 * which citizens are told (a file for the appliance; an SMS gateway is another {@link Notifier}).
 * 1.3: {@link Citizen} is a record. 1.4: {@link NoticeKind#QUEUE_TURN}, the hall queue's text when a number's turn comes.
 * 1.5: {@link CitizenSessions}, the signed-in citizen of a request for another capability's endpoint; {@link NoticeKind#RATING_INVITATION}.
 */
@Export
@Version("1.5.0")
package org.onewindow.online;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
