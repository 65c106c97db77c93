package org.onewindow.relay.internal;

import java.util.List;

import org.onewindow.relay.internal.DepartmentClient.DeliveryFailure;

/**
 * The scanned files that travel with a case. A service of its own so that the relay's classes never
 * name scanning's: the relay keeps working (sending metadata only) while scanning is not installed.
 */
interface Attachments {

    List<DeliveryPayload.File> of(String caseNo, long maxBytes) throws DeliveryFailure;
}
