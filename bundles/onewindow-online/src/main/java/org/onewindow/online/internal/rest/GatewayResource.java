package org.onewindow.online.internal.rest;

import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.annotation.security.PermitAll;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;

import org.onewindow.online.Payments;
import org.onewindow.rest.RequestBodies;

/** {@code /api/v1/public/online/payments/notify}: the payment gateway's notifications, trusted only by their signature. */
@Path("payments")
@PermitAll
public class GatewayResource {
    private static final long MAX_BODY = 64 * 1024;
    private final Payments payments;

    GatewayResource(Payments payments) {
        this.payments = payments;
    }

    /** Answers the gateway's acknowledgement (text) once the notification is taken, paid or already paid. */
    @POST
    @Path("notify")
    @Produces(MediaType.TEXT_PLAIN)
    public String notify(InputStream body, @Context HttpHeaders headers) {
        Map<String, String> byName = new HashMap<>();
        for (Map.Entry<String, List<String>> h : headers.getRequestHeaders().entrySet()) {
            if (!h.getValue().isEmpty()) {
                byName.put(h.getKey().toLowerCase(), h.getValue().get(0));
            }
        }
        return payments.notified(byName, RequestBodies.read(body, MAX_BODY));
    }
}
