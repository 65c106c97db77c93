package org.onewindow.itests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A plain HTTP client of the appliance's REST API, as a monitor or the console would use it. */
final class Http {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;
    private final HttpClient client;

    Http(int port) {
        this("http://localhost:" + port + "/api/v1", CLIENT);
    }

    /** A client of {@code base} (such as {@code https://localhost:29181/api/v1}) through {@code client} (its TLS). */
    Http(String base, HttpClient client) {
        this.base = base;
        this.client = client;
    }

    /** An answer: status and body (parsed when it is JSON). */
    static final class Answer {
        final int status;
        final String body;
        final String contentType;
        final String challenge;
        final java.net.http.HttpHeaders headers;

        Answer(HttpResponse<String> r) {
            this(r.statusCode(), r.headers(), r.body());
        }

        Answer(int status, java.net.http.HttpHeaders headers, String body) {
            this.status = status;
            this.headers = headers;
            this.body = body;
            contentType = headers.firstValue("Content-Type").orElse("");
            challenge = headers.firstValue("WWW-Authenticate").orElse(null);
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }

        String code() {
            return json().path("code").asText();
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    Answer get(String path, String user) {
        return send(request(path, user).GET());
    }

    Answer delete(String path, String user) {
        return send(request(path, user).DELETE());
    }

    Answer post(String path, String user, String contentType, byte[] body) {
        return send(request(path, user).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    Answer postJson(String path, String user, String json) {
        return post(path, user, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    Answer putJson(String path, String user, String json) {
        return send(request(path, user).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    /** Any request with the headers given (a browser's cookie and CSRF token, say); no Basic login. */
    Answer exchange(String method, String path, java.util.Map<String, String> headers, String json) {
        HttpRequest.Builder b = request(path, null);
        headers.forEach(b::header);
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        return send(b.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    /** A department system's signed callback: no user, the signature headers instead. */
    Answer callback(String path, String json, String timestamp, String signature) {
        HttpRequest.Builder b = request(path, null).header("Content-Type", "application/json")
                .header("X-OneWindow-Timestamp", timestamp);
        if (signature != null) {
            b.header("X-OneWindow-Signature", signature);
        }
        return send(b.POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    /** Uploads files as multipart/form-data, each as a part named {@code file}, in order. */
    Answer upload(String path, String user, String[] fileNames, byte[][] contents) {
        return multipart(request(path, user), fileNames, contents);
    }

    /** The same with the headers given (a citizen's session cookie and CSRF token), no Basic login. */
    Answer upload(String path, java.util.Map<String, String> headers, String[] fileNames, byte[][] contents) {
        HttpRequest.Builder b = request(path, null);
        headers.forEach(b::header);
        return multipart(b, fileNames, contents);
    }

    private Answer multipart(HttpRequest.Builder b, String[] fileNames, byte[][] contents) {
        String boundary = "----onewindow" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < fileNames.length; i++) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileNames[i]
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(contents[i]);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(b.header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /**
     * A GET sent from another address of this machine ({@code 127.0.0.2}, say: any 127/8 address is the
     * loopback), as from another computer of the hall: the appliance sees that address as the client.
     * HTTP/1.1 by hand, as the JDK's client cannot choose its local address.
     */
    Answer getFrom(String localAddress, String path, String user) {
        String credentials = user.contains(":") ? user : user + ":" + user + "-demo";
        return exchangeFrom(localAddress, "GET", path,
                java.util.Map.of("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8))), null);
    }

    /** Any request sent from another address of this machine (see {@link #getFrom}), with the headers given and a JSON body or none. */
    Answer exchangeFrom(String localAddress, String method, String path, java.util.Map<String, String> headers, String json) {
        URI uri = URI.create(base + path);
        byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(method + " " + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                + " HTTP/1.1\r\nHost: localhost:" + uri.getPort() + "\r\nConnection: close\r\n");
        headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        if (json != null) {
            head.append("Content-Type: application/json\r\nContent-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        java.io.ByteArrayOutputStream request = new java.io.ByteArrayOutputStream();
        request.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        request.writeBytes(body);
        return raw(localAddress, uri.getPort(), request.toByteArray());
    }

    /**
     * Bytes sent as they are to the appliance's port from {@code localAddress}, and the answer read to the end:
     * requests the JDK's client would not send (a control byte in the path or a header, oversized headers).
     */
    static Answer raw(String localAddress, int port, byte[] request) {
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.bind(new java.net.InetSocketAddress(localAddress, 0));
            socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(request);
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(answer.substring(9, 12));
            java.util.Map<String, java.util.List<String>> heads = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            String[] head = answer.substring(0, answer.indexOf("\r\n\r\n")).split("\r\n");
            for (int i = 1; i < head.length; i++) {
                int colon = head[i].indexOf(':');
                heads.computeIfAbsent(head[i].substring(0, colon).strip(), k -> new java.util.ArrayList<>()).add(head[i].substring(colon + 1).strip());
            }
            String text = answer.substring(answer.indexOf("\r\n\r\n") + 4);
            if (heads.getOrDefault("Transfer-Encoding", java.util.List.of()).contains("chunked")) {
                text = text.substring(text.indexOf("\r\n") + 2, text.lastIndexOf("\r\n0\r\n"));
            }
            return new Answer(status, java.net.http.HttpHeaders.of(heads, (k, v) -> true), text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * How long an appliance may take from its launch to ready in a test: the CI's machine has 2 cores and may be busy, and
     * FederationIT starts three appliances at once (they were still migrating their schemas after 2 minutes there). A
     * slow start is not what the tests check; the benchmarks measure it (idle-cpu.sh: start to ready).
     */
    static final Duration BOOT = Duration.ofMinutes(5);

    /** Waits until the node is healthy and the catalog answers every demo user, as a monitor and the staff would see it. */
    void awaitReady(Duration limit) throws InterruptedException {
        awaitOk("/health", null, limit);
        // the demo users are written one by one at start: wait for each, not just the first
        for (String user : new String[] {"clerk", "reviewer", "supervisor", "admin", "security", "auditor"}) {
            awaitOk("/catalog/items?size=1", user, limit);
        }
    }

    /** Waits until the window answers too (cases and scanned materials). */
    void awaitWindow(Duration limit) throws InterruptedException {
        awaitReady(limit);
        awaitOk("/cases?size=1", "clerk", limit);
    }

    /** Waits until {@code path} answers 200. */
    void awaitOk(String path, String user, Duration limit) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end) {
            try {
                if (get(path, user).status == 200) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // connection refused while the appliance starts
            }
            Thread.sleep(200);
        }
        throw new AssertionError(path + " not answering 200 within " + limit);
    }

    private HttpRequest.Builder request(String path, String user) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (user != null) {
            // the demo users' passwords are <user>-demo
            String credentials = user.contains(":") ? user : user + ":" + user + "-demo";
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return b;
    }

    /** A GET whose body is wanted as the bytes sent (a scanned file), or an AssertionError naming the status. */
    byte[] getBytes(String path, String user) {
        try {
            HttpResponse<byte[]> r = client.send(request(path, user).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
                throw new AssertionError(path + " answered " + r.statusCode() + ": " + new String(r.body(), StandardCharsets.UTF_8));
            }
            return r.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            return new Answer(client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
