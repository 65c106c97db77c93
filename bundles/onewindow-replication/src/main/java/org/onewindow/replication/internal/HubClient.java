package org.onewindow.replication.internal;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import javax.ws.rs.ProcessingException;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.apache.cxf.jaxrs.client.WebClient;
import org.apache.cxf.transport.http.HTTPConduit;
import org.apache.cxf.transports.http.configuration.HTTPClientPolicy;
import org.onewindow.catalog.CatalogItemDTO;
import org.onewindow.replication.AckDTO;
import org.onewindow.replication.CityLicenceDTO;
import org.onewindow.replication.KeyRolloverDTO;
import org.onewindow.replication.LicenceLookupDTO;
import org.onewindow.replication.RebaseDTO;
import org.onewindow.replication.ReconciliationPageDTO;
import org.onewindow.replication.ReconciliationRequestDTO;
import org.onewindow.replication.RegistrationDTO;
import org.onewindow.replication.RegistrationStateDTO;
import org.onewindow.replication.SignedRequests;
import org.onewindow.replication.SigningKey;
import org.onewindow.rest.Json;
import org.onewindow.rest.RemoteFailures;
import org.onewindow.tls.CxfLinks;
import org.onewindow.tls.OutgoingTls;
import org.onewindow.tls.PeerTrust;
import org.onewindow.tls.TlsFailures;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The district's calls to the hub's API, with a CXF client. Over HTTPS the hub's certificate is the one pinned at
 * registration (its SHA-256 fingerprint, confirmed by district IT), else the trust store's; a certificate that is
 * not is {@code TLS_UNTRUSTED}, and the link waits, retrying, until it is again or district IT pins another. Plain
 * HTTP only where configured as insecure (a test) or in demo mode.
 */
final class HubClient {
    private static final TypeReference<List<CatalogItemDTO>> CITY_CATALOG = new TypeReference<>() {
    };
    private final int connectTimeoutMillis;
    private final int receiveTimeoutMillis;
    private final OutgoingTls tls;
    /** The pinned fingerprint of the hub at a URL, or null. */
    private final Function<String, String> pins;
    private final boolean allowHttp;

    /** A client of plain HTTP hubs only (the unit tests' hub). */
    HubClient(int connectTimeoutMillis, int receiveTimeoutMillis) {
        this(connectTimeoutMillis, receiveTimeoutMillis, null, url -> null, true);
    }

    HubClient(int connectTimeoutMillis, int receiveTimeoutMillis, OutgoingTls tls, Function<String, String> pins, boolean allowHttp) {
        this.connectTimeoutMillis = connectTimeoutMillis;
        this.receiveTimeoutMillis = receiveTimeoutMillis;
        this.tls = tls;
        this.pins = pins;
        this.allowHttp = allowHttp;
    }

    /** A call the hub refused or could not be reached for; {@code status} 0 when unreachable. */
    static final class HubFailure extends Exception {
        private static final long serialVersionUID = 1L;
        final int status;
        final String code;

        HubFailure(int status, String code, String message) {
            super(message);
            this.status = status;
            this.code = code;
        }
    }

    /** A registration, signed with the key it registers (proof of possession), to the hub whose certificate is {@code pin}. */
    RegistrationStateDTO register(String hubUrl, String pin, SigningKey key, RegistrationDTO registration, Instant now) throws HubFailure {
        byte[] body = Json.bytes(registration);
        WebClient client = signed(client(hubUrl, "/api/v1/hub/registrations", pin), key, body, now);
        return read(call(client, () -> client.post(body)), RegistrationStateDTO.class);
    }

    /** The registration's state, asked with a signed GET. */
    RegistrationStateDTO state(String hubUrl, SigningKey key, Instant now) throws HubFailure {
        WebClient client = signed(client(hubUrl, "/api/v1/hub/registrations/" + key.district()), key, new byte[0], now);
        return read(call(client, client::get), RegistrationStateDTO.class);
    }

    /**
     * The one key rollover of a link made before key pairs: signed with the new key and with the shared key the
     * hub gave ({@code legacyKey}, base64), or, never approved, carrying the registration {@code token}.
     */
    RegistrationStateDTO rollover(String hubUrl, SigningKey key, String legacyKey, String token, Instant now) throws HubFailure {
        KeyRolloverDTO rollover = new KeyRolloverDTO();
        rollover.district = key.district();
        rollover.algorithm = key.algorithm().name();
        rollover.publicKey = key.publicKeyBase64();
        byte[] body = Json.bytes(rollover);
        Map<String, String> headers = key.headers(body, now);
        WebClient client = client(hubUrl, "/api/v1/hub/key-rollovers");
        headers.forEach(client::header);
        if (legacyKey != null) {
            client.header(SignedRequests.LEGACY_SIGNATURE, SignedRequests.legacySign(Base64.getDecoder().decode(legacyKey), key.district(),
                    Long.parseLong(headers.get(SignedRequests.TIMESTAMP)), headers.get(SignedRequests.NONCE), body));
        } else if (token != null) {
            client.header(SignedRequests.TOKEN, token);
        }
        return read(call(client, () -> client.post(body)), RegistrationStateDTO.class);
    }

    AckDTO ship(String hubUrl, SigningKey key, byte[] batch, Instant now) throws HubFailure {
        WebClient client = signed(client(hubUrl, "/api/v1/hub/batches"), key, batch, now);
        return read(call(client, () -> client.post(batch)), AckDTO.class);
    }

    /** This district's own records the hub holds after {@code after}, at most {@code limit} (a restored district's reconciliation). */
    ReconciliationPageDTO reconciliation(String hubUrl, SigningKey key, long after, int limit, Instant now) throws HubFailure {
        ReconciliationRequestDTO ask = new ReconciliationRequestDTO();
        ask.after = after;
        ask.limit = limit;
        byte[] body = Json.bytes(ask);
        WebClient client = signed(client(hubUrl, "/api/v1/hub/reconciliation/records"), key, body, now);
        return read(call(client, () -> client.post(body)), ReconciliationPageDTO.class);
    }

    /** The reconciled journal goes on after {@code rebase.rebasedAt}. */
    AckDTO rebase(String hubUrl, SigningKey key, RebaseDTO rebase, Instant now) throws HubFailure {
        byte[] body = Json.bytes(rebase);
        WebClient client = signed(client(hubUrl, "/api/v1/hub/reconciliation/rebase"), key, body, now);
        return read(call(client, () -> client.post(body)), AckDTO.class);
    }

    /** A licence another district holds, or null if the city has none. */
    CityLicenceDTO licence(String hubUrl, SigningKey key, LicenceLookupDTO lookup, Instant now) throws HubFailure {
        byte[] body = Json.bytes(lookup);
        WebClient client = signed(client(hubUrl, "/api/v1/hub/licence-lookups"), key, body, now);
        try {
            return read(call(client, () -> client.post(body)), CityLicenceDTO.class);
        } catch (HubFailure e) {
            if (e.status == 404 && "LICENCE_NOT_FOUND".equals(e.code)) {
                return null;
            }
            throw e;
        }
    }

    /** The city's catalog, by a signed GET (the body signed is empty). */
    List<CatalogItemDTO> catalog(String hubUrl, SigningKey key, Instant now) throws HubFailure {
        WebClient client = signed(client(hubUrl, "/api/v1/hub/catalog"), key, new byte[0], now);
        String text = call(client, client::get);
        try {
            return cityCatalog(text);
        } catch (IOException e) {
            throw new HubFailure(200, "HUB_ANSWER_INVALID", "the hub's catalog is not understood: " + RemoteFailures.abbreviate(text));
        }
    }

    /** The hub's catalog; a hub upgraded before this district may know fields of an item that this release does not: the rest is kept. */
    static List<CatalogItemDTO> cityCatalog(String json) throws IOException {
        return Json.mapper().readerFor(CITY_CATALOG).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(json);
    }

    /** A signed POST (body) or GET (body null) of any path under the hub's {@code /api/v1/hub}; the answer's body. */
    String signed(String hubUrl, SigningKey key, String path, byte[] body, Instant now) throws HubFailure {
        WebClient client = signed(client(hubUrl, "/api/v1/hub" + path), key, body == null ? new byte[0] : body, now);
        return body == null ? call(client, client::get) : call(client, () -> client.post(body));
    }

    /** The district's signature over the body, with a fresh nonce. */
    private static WebClient signed(WebClient client, SigningKey key, byte[] body, Instant now) {
        key.headers(body, now).forEach(client::header);
        return client;
    }

    private WebClient client(String hubUrl, String path) throws HubFailure {
        return client(hubUrl, path, pins.apply(hubUrl));
    }

    private WebClient client(String hubUrl, String path, String pin) throws HubFailure {
        String base = hubUrl.endsWith("/") ? hubUrl.substring(0, hubUrl.length() - 1) : hubUrl;
        boolean https = "https".equalsIgnoreCase(URI.create(base).getScheme());
        if (!https && tls != null) {
            try {
                tls.checkScheme("the city hub", URI.create(base), allowHttp);
            } catch (IllegalArgumentException e) {
                throw new HubFailure(0, TlsFailures.INSECURE_URL, e.getMessage());
            }
        }
        if (https && tls == null) {
            throw new HubFailure(0, TlsFailures.UNTRUSTED, "no TLS here for " + base);
        }
        WebClient client = WebClient.create(base + path);
        HTTPClientPolicy policy = new HTTPClientPolicy();
        policy.setConnectionTimeout(connectTimeoutMillis);
        policy.setReceiveTimeout(receiveTimeoutMillis);
        policy.setAllowChunking(false);
        HTTPConduit conduit = WebClient.getConfig(client).getHttpConduit();
        conduit.setClient(policy);
        if (https) {
            CxfLinks.secure(conduit, tls, PeerTrust.pinned(pin, false));
        }
        return client.type(MediaType.APPLICATION_JSON_TYPE).accept(MediaType.APPLICATION_JSON_TYPE);
    }

    private interface Call {
        Response run() throws IOException;
    }

    private static String call(WebClient client, Call call) throws HubFailure {
        try {
            Response answer = call.run();
            String text = answer.hasEntity() ? answer.readEntity(String.class) : "";
            if (answer.getStatus() >= 200 && answer.getStatus() < 300) {
                return text;
            }
            JsonNode error = parse(text);
            throw new HubFailure(answer.getStatus(), error.path("code").asText("HTTP_" + answer.getStatus()),
                    "hub answered " + answer.getStatus() + ": " + error.path("message").asText(RemoteFailures.abbreviate(text)));
        } catch (ProcessingException | IOException e) {
            if (TlsFailures.isTls(e)) {
                throw new HubFailure(0, TlsFailures.UNTRUSTED, TlsFailures.UNTRUSTED + ": the hub's certificate is not trusted: " + TlsFailures.describe(e));
            }
            throw new HubFailure(0, "HUB_UNREACHABLE", "hub unreachable: " + RemoteFailures.rootMessage(e));
        } finally {
            client.close();
        }
    }

    private static <T> T read(String text, Class<T> type) throws HubFailure {
        try {
            return Json.mapper().readValue(text, type);
        } catch (IOException e) {
            throw new HubFailure(200, "HUB_ANSWER_INVALID", "the hub's answer is not understood: " + RemoteFailures.abbreviate(text));
        }
    }

    private static JsonNode parse(String text) {
        try {
            JsonNode node = Json.mapper().readTree(text);
            return node == null ? Json.mapper().createObjectNode() : node;
        } catch (IOException e) {
            return Json.mapper().createObjectNode();
        }
    }
}
