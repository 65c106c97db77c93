package org.onewindow.online;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A payment gateway (网上缴费): where the citizen pays, how it tells the hall, and what it says when
 * asked. The appliance ships one speaking a signed HTTP protocol ({@code channel=http}, which the
 * payment gateway simulator speaks); another gateway is another implementation, chosen by
 * {@code gateway.target} in {@code etc/org.onewindow.online.cfg}.
 */
@ConsumerType
public interface PaymentGateway {

    /** The gateway's cashier page for the order, where the citizen's browser is sent. */
    URI checkout(PaymentOrderDTO order, URI notifyUrl, URI returnUrl);

    /**
     * A notification as received (headers by lower-case name, raw body), checked: throws
     * {@link org.onewindow.problem.Problem} {@code BAD_SIGNATURE} unless the gateway signed it lately.
     */
    GatewayPaymentDTO verify(Map<String, String> headers, byte[] body);

    /** What the gateway knows of an order; empty when it has never seen it. */
    Optional<GatewayPaymentDTO> query(String orderNo);

    /** The gateway's statement of a day: every payment it took for this hall. */
    List<GatewayPaymentDTO> statement(LocalDate day);

    /** The answer that tells the gateway a notification was taken and need not come again. */
    String acknowledgement();
}
