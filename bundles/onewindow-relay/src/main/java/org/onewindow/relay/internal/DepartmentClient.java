package org.onewindow.relay.internal;

import java.io.IOException;

import javax.ws.rs.ProcessingException;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.apache.cxf.jaxrs.client.WebClient;
import org.apache.cxf.transport.http.HTTPConduit;
import org.apache.cxf.transports.http.configuration.HTTPClientPolicy;
import org.onewindow.rest.Json;
import org.onewindow.rest.RemoteFailures;
import org.onewindow.security.SignedBodies;
import org.onewindow.tls.CxfLinks;
import org.onewindow.tls.OutgoingTls;
import org.onewindow.tls.TlsFailures;

import com.fasterxml.jackson.databind.JsonNode;

/** Posts a signed delivery to a department's approval system with a CXF client. */
final class DepartmentClient {
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private DepartmentClient() {
    }

    /** Why a delivery failed, and whether trying again can help. */
    static final class DeliveryFailure extends Exception {
        private static final long serialVersionUID = 1L;
        final boolean permanent;

        DeliveryFailure(String message, boolean permanent) {
            super(message);
            this.permanent = permanent;
        }
    }

    /**
     * Delivers and returns the department's reference for the case. Over HTTPS the department system's certificate is
     * verified (pinned, or by the city CA's trust store); one that fails is {@code TLS_UNTRUSTED}, retried like an
     * outage and never sent over anything less; an {@code http://} url not allowed is {@code INSECURE_URL}.
     */
    static String deliver(DepartmentRoute route, OutgoingTls tls, String deliveryKey, byte[] body, long nowSeconds) throws DeliveryFailure {
        try {
            tls.checkScheme("department " + route.code, route.url, route.allowHttp);
        } catch (IllegalArgumentException e) {
            throw new DeliveryFailure(e.getMessage(), false);
        }
        String base = route.url.toString();
        WebClient client = WebClient.create(base.endsWith("/") ? base + "cases" : base + "/cases");
        HTTPClientPolicy policy = new HTTPClientPolicy();
        policy.setConnectionTimeout(route.connectTimeoutMillis);
        policy.setReceiveTimeout(route.receiveTimeoutMillis);
        policy.setAllowChunking(false);
        HTTPConduit conduit = WebClient.getConfig(client).getHttpConduit();
        conduit.setClient(policy);
        if ("https".equalsIgnoreCase(route.url.getScheme())) {
            CxfLinks.secure(conduit, tls, route.trust);
        }
        client.type(MediaType.APPLICATION_JSON_TYPE).accept(MediaType.APPLICATION_JSON_TYPE)
                .header(IDEMPOTENCY_KEY, deliveryKey)
                .header(SignedBodies.TIMESTAMP, nowSeconds)
                .header(SignedBodies.SIGNATURE, SignedBodies.sign(route.secret, nowSeconds, body));
        int status;
        String text;
        try {
            Response answer = client.post(body);
            status = answer.getStatus();
            text = answer.hasEntity() ? answer.readEntity(String.class) : "";
        } catch (ProcessingException e) {
            if (TlsFailures.isTls(e)) {
                throw new DeliveryFailure(TlsFailures.UNTRUSTED + ": the department system's certificate is not trusted ("
                        + (route.trust.isPinned() ? "pinned " + route.trust.pinnedSha256() : "trust store") + "): " + TlsFailures.describe(e), false);
            }
            throw new DeliveryFailure("department system unreachable: " + RemoteFailures.rootMessage(e), false);
        } finally {
            client.close();
        }
        if (status >= 200 && status < 300) {
            return reference(text);
        }
        // a refused request stays refused however often it is sent, except for overload and timeouts
        boolean permanent = status >= 400 && status < 500 && status != 408 && status != 409 && status != 429;
        throw new DeliveryFailure("department system answered " + status + ": " + RemoteFailures.abbreviate(text), permanent);
    }

    private static String reference(String text) {
        try {
            JsonNode node = Json.mapper().readTree(text);
            return node == null || node.path("reference").isMissingNode() ? null : node.path("reference").asText(null);
        } catch (IOException e) {
            return null;
        }
    }
}
