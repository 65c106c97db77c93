package org.onewindow.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What an independent test found at the edges (issue 17): temporary files of multipart uploads left in
 * {@code data/tmp}, answers under {@code /api} that were not JSON (Jetty's and CXF's own pages, Java types in
 * details), texts with control and bidirectional characters and files that only start like a PDF stored,
 * printable papers without a content security policy, stack traces logged for a client's mistakes.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class EdgesIT extends OneWindowTestSupport {
    private static final String ITEM = "GA-HJ-001";
    private static final String ONLINE_ITEM = "RS-SB-002";
    /** Small enough to send a file over it quickly, large enough for the big scans below. */
    private static final int MAX_FILE = 600_000;

    @Configuration
    public Option[] config() {
        return appliance(editConfigurationFilePut("etc/org.onewindow.scanning.cfg", "maxFileBytes", String.valueOf(MAX_FILE)),
                editConfigurationFilePut("etc/org.onewindow.online.cfg", "codesPerClientPerHour", "10000"));
    }

    @Before
    public void apiUp() throws InterruptedException {
        awaitApi();
    }

    @Test
    public void uploadsLeaveNoTemporaryFilesWhateverTheirOutcome() throws Exception {
        // every part is past CXF's 100 KB in memory: all but the last of each request went to a temporary file
        byte[] png = Cases.noise("png", 200, 1);
        byte[] jpeg = Cases.noise("jpeg", 600, 2);
        byte[] pdf = Cases.pdf("big page", 150_000);
        byte[] text = "not a scan, only text ".repeat(7_000).getBytes(StandardCharsets.US_ASCII);
        byte[] tooBig = Cases.noise("png", 460, 3);
        assertTrue(png.length > 110_000 && jpeg.length > 110_000 && tooBig.length > MAX_FILE);
        String no = open();
        Path data = Paths.get(System.getProperty("karaf.data")).toAbsolutePath().normalize();
        assertEquals("CXF and the upload folders write where bin/karaf points the JVM", data.resolve("tmp"),
                Paths.get(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize());
        List<Path> before = temporaryFiles();

        Http.Answer stored = http.upload("/cases/" + no + "/materials", "clerk", new String[] {"1.png", "2.pdf", "3.jpg"},
                new byte[][] {png, pdf, jpeg});
        assertEquals(stored.toString(), 201, stored.status);
        noneLeft(before, "after three files stored");
        Http.Answer wrongType = http.upload("/cases/" + no + "/materials", "clerk", new String[] {"1.png", "2.pdf", "3.jpg"},
                new byte[][] {Cases.noise("png", 200, 4), text, jpeg});
        assertEquals(415, wrongType.status);
        noneLeft(before, "after a refused type");
        Http.Answer oversized = http.upload("/cases/" + no + "/materials", "clerk", new String[] {"1.png", "2.png", "3.png"},
                new byte[][] {Cases.noise("png", 200, 5), tooBig, png});
        assertEquals(oversized.toString(), 413, oversized.status);
        noneLeft(before, "after a refused size");
        Http.Answer notClerk = http.upload("/cases/" + no + "/materials", "security", new String[] {"1.png", "2.png", "3.png"},
                new byte[][] {png, png, png});
        assertEquals(403, notClerk.status);
        Http.Answer badPassword = http.upload("/cases/" + no + "/materials", "clerk:not-the-password", new String[] {"1.png", "2.png", "3.png"},
                new byte[][] {png, png, png});
        assertEquals(401, badPassword.status);
        noneLeft(before, "after refused logins");
        leftBeforeTheEnd("/api/v1/cases/" + no + "/materials", png, jpeg);
        noneLeft(before, "after a client gone during the third part");

        Citizens.Session s = Citizens.signIn(http, Citizens.idNumber("19850315", 701), "13812347701");
        String app = s.send("POST", "/applications", "{\"itemCode\":\"" + ONLINE_ITEM + "\",\"name\":\"王五\"}").json().path("caseNo").asText();
        String materials = Citizens.BASE + "/applications/" + app + "/materials/M02";
        Map<String, String> session = Map.of("Cookie", s.cookie, "X-CSRF-Token", s.csrf);
        Http.Answer citizenStored = http.upload(materials, session, new String[] {"1.png", "2.pdf", "3.jpg"}, new byte[][] {png, pdf, jpeg});
        assertEquals(citizenStored.toString(), 200, citizenStored.status);
        noneLeft(before, "after a citizen's three files stored");
        Http.Answer citizenWrongType = http.upload(materials, session, new String[] {"1.png", "2.pdf", "3.jpg"}, new byte[][] {png, text, jpeg});
        assertEquals(415, citizenWrongType.status);
        noneLeft(before, "after a citizen's refused type");
        Http.Answer anonymous = http.upload(materials, Map.of(), new String[] {"1.png", "2.png", "3.png"}, new byte[][] {png, png, png});
        assertEquals("SIGN_IN_REQUIRED", anonymous.code());
        noneLeft(before, "after an upload without a session");
    }

    /** data/tmp holds as many files as {@code before} (waiting up to 15 s: a request the client left ends late). */
    private static void noneLeft(List<Path> before, String when) throws IOException, InterruptedException {
        List<Path> after = awaitTemporaryFiles(before.size());
        assertEquals("data/tmp " + when + ": before " + before + ", after " + after, before.size(), after.size());
    }

    @Test
    public void everyAnswerUnderApiIsJsonWithAStableCode() {
        assertJson("a control byte in the path", 400, "MALFORMED_REQUEST", raw("GET /api/v1/health\u0001 HTTP/1.1\r\nHost: x\r\n"));
        assertJson("a control byte in a header", 400, "MALFORMED_REQUEST", raw("GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX-Test: a\u0001b\r\n"));
        assertJson("a malformed escape in the path", 400, "MALFORMED_REQUEST", raw("GET /api/v1/cases/%ZZ HTTP/1.1\r\nHost: x\r\n"));
        assertJson("oversized headers", 431, "HEADERS_TOO_LARGE", raw("GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX-Big: "
                + "a".repeat(20_000) + "\r\n"));
        assertJson("an unknown path", 404, "NOT_FOUND", raw("GET /api/x HTTP/1.1\r\nHost: x\r\n"));
        assertJson("an unknown path, posted", 404, "NOT_FOUND", raw("POST /api/v1/nothing-here HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n"));
        assertJson("the hub's paths on a district", 404, "NOT_FOUND", http.get("/hub/districts", "admin"));
        assertJson("a wrong method", 405, "METHOD_NOT_ALLOWED", http.delete("/health", "admin"));
        assertJson("an unsupported media type", 415, "UNSUPPORTED_MEDIA_TYPE",
                http.post("/cases", "clerk", "text/plain", "itemCode=x".getBytes(StandardCharsets.UTF_8)));
        for (String body : List.of("{\"itemCode\":{}}", "{\"itemCode\":\"" + ITEM + "\",\"unknown\":1}", "{\"applicant\":[1]}", "{\"itemCode\":")) {
            Http.Answer a = http.postJson("/cases", "clerk", body);
            assertEquals(a.toString(), 400, a.status);
            assertTrue(a.toString(), a.code().equals("INVALID_JSON") || a.code().equals("MALFORMED_JSON"));
            assertFalse("no detail names a Java type: " + a, a.body.contains("java.") || a.body.contains("org.onewindow")
                    || a.body.contains("DTO") || a.body.contains("String"));
        }
    }

    @Test
    public void controlAndBidiCharactersAndFakeFilesAreRefusedAndRealOnesStored() {
        for (String name : List.of("\\u202Efdp.exe", "张\\u0000三", "张\\u001B[2J三", "张\\r\\n三", "张\\u2066三\\u2069", "张\\u200F三")) {
            Http.Answer a = http.postJson("/cases", "clerk", "{\"itemCode\":\"" + ITEM + "\",\"applicant\":{\"idNumber\":\"" + Cases.ZHANG_SAN
                    + "\",\"name\":\"" + name + "\"},\"materials\":[]}");
            assertEquals(a.toString(), 400, a.status);
            assertEquals(a.toString(), "INVALID_TEXT", a.code());
            assertEquals("applicant.name", a.json().path("details").get(0).path("field").asText());
        }
        Citizens.Session s = Citizens.signIn(http, Citizens.idNumber("19850315", 702), "13812347702");
        Http.Answer online = s.send("POST", "/applications", "{\"itemCode\":\"" + ONLINE_ITEM + "\",\"name\":\"王\\u202E五\"}");
        assertEquals(online.toString(), "INVALID_TEXT", online.code());

        String no = open();
        String path = "/cases/" + no + "/materials";
        Http.Answer rtl = http.upload(path, "clerk", new String[] {"\u202Efdp.exe"}, new byte[][] {Cases.png("rtl")});
        assertEquals(rtl.toString(), "INVALID_TEXT", rtl.code());
        assertEquals("file", rtl.json().path("details").get(0).path("field").asText());
        Http.Answer exe = http.upload(path, "clerk", new String[] {"scan.pdf"}, new byte[][] {fakePdf(2_000)});
        assertEquals(exe.toString(), "UNSUPPORTED_FILE_TYPE", exe.code());
        Http.Answer html = http.upload(path, "clerk", new String[] {"scan.pdf"},
                new byte[][] {"%PDF-1.7\n<html><script>alert(document.cookie)</script></html>".getBytes(StandardCharsets.US_ASCII)});
        assertEquals(html.toString(), "UNSUPPORTED_FILE_TYPE", html.code());
        Http.Answer headerOnly = http.upload(path, "clerk", new String[] {"scan.png"},
                new byte[][] {java.util.Arrays.copyOf(Cases.png("header only"), 12)});
        assertEquals(headerOnly.toString(), "UNSUPPORTED_FILE_TYPE", headerOnly.code());
        assertEquals("nothing refused was kept", 0, http.get(path, "clerk").json().size());

        Http.Answer real = http.upload(path, "clerk", new String[] {"身份证.pdf", "户口簿.png", "照片.jpg"},
                new byte[][] {Cases.pdf("real " + no), Cases.png("real " + no), Cases.jpeg("real " + no)});
        assertEquals(real.toString(), 201, real.status);
        assertEquals(List.of("application/pdf", "image/png", "image/jpeg"), types(http.get(path, "clerk").json()));
    }

    @Test
    public void printablePapersCarryTheConsolesContentSecurityPolicy() throws Exception {
        String console = new Http.Answer(java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + HTTP_PORT + "/console/")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString())).headers.firstValue("Content-Security-Policy").orElse("");
        assertTrue(console, console.contains("script-src 'self'"));
        Http.Answer notice = http.get("/cases/" + open() + "/notice", "clerk");
        assertEquals(200, notice.status);
        assertTrue(notice.contentType.startsWith("text/html"));
        assertEquals(console, notice.headers.firstValue("Content-Security-Policy").orElse(null));
        assertFalse("no inline style, which the policy would block", notice.body.contains("<style") || notice.body.contains("style="));
        Http.Answer css = http.get("/cases/documents.css", null);
        assertEquals(200, css.status);
        assertTrue(css.contentType.startsWith("text/css"));
    }

    @Test
    public void aClientsMistakesAreLoggedInOneLineAtMost() throws IOException {
        Path log = Paths.get(System.getProperty("karaf.data"), "log", "karaf.log");
        int start = Files.readAllLines(log, StandardCharsets.UTF_8).size();
        String materials = Citizens.BASE + "/applications/441302-20260101-0001/materials/M02";
        int requests = 0;
        for (int i = 0; i < 5; i++) {
            assertEquals(401, http.upload(materials, Map.of(), new String[] {"a.png"}, new byte[][] {Cases.png("anonymous " + i)}).status);
            assertEquals(403, http.upload("/cases/441302-20260101-0001/materials", "security", new String[] {"a.png"},
                    new byte[][] {Cases.png("not a clerk")}).status);
            assertEquals(400, http.postJson("/cases", "clerk", "{\"itemCode\":").status);
            requests += 3;
        }
        List<String> added = Files.readAllLines(log, StandardCharsets.UTF_8);
        added = added.subList(Math.min(start, added.size()), added.size());
        List<String> traces = added.stream().filter(l -> l.startsWith("\tat ") || l.startsWith("Caused by")).collect(Collectors.toList());
        assertTrue("no stack trace for a client's mistake: " + String.join("\n", added), traces.isEmpty());
        assertTrue(added.size() + " lines for " + requests + " refused requests:\n" + String.join("\n", added), added.size() <= requests);
    }

    @Test
    public void filesWithPersonalDataAreTheAppliancesUsersOnlyThoughSetenvWasNotRun() throws Exception {
        // Pax Exam starts the appliance without bin/setenv (umask 077): what the appliance makes must be private anyway
        String no = open();
        assertEquals(201, http.upload("/cases/" + no + "/materials", "clerk", new String[] {"p.png"}, new byte[][] {Cases.png("private " + no)}).status);
        Citizens.signIn(http, Citizens.idNumber("19850315", 703), "13812347703");
        Path data = Paths.get(System.getProperty("karaf.data"));
        List<String> open = new ArrayList<>();
        for (Path root : List.of(data.resolve("onewindow"), data.resolve("tmp"))) {
            try (Stream<Path> all = Files.walk(root)) {
                for (Path p : (Iterable<Path>) all::iterator) {
                    String mode = java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
                    boolean publicKey = p.getFileName().toString().endsWith(".pub.pem"); // the hall's public key, given out anyway
                    if (!publicKey && !mode.equals(Files.isDirectory(p) ? "rwx------" : "rw-------")) {
                        open.add(mode + " " + data.relativize(p));
                    }
                }
            }
        }
        for (Path p : List.of(data, data.resolve("log"), Paths.get(System.getProperty("karaf.etc"), "users.properties"),
                Paths.get(System.getProperty("karaf.etc"), "org.onewindow.online.gateway.cfg"))) {
            String mode = java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
            if (!mode.equals(Files.isDirectory(p) ? "rwx------" : "rw-------")) {
                open.add(mode + " " + p);
            }
        }
        assertTrue("readable by others:\n" + String.join("\n", open), open.isEmpty());
        assertTrue("the database and the scans were looked at", Files.isDirectory(data.resolve("onewindow/derby/seg0"))
                && Files.isDirectory(data.resolve("onewindow/scans")));
    }

    private String open() {
        Http.Answer opened = http.postJson("/cases", "clerk", Cases.open(ITEM, Cases.ZHANG_SAN, "M01"));
        assertEquals(opened.toString(), 201, opened.status);
        return opened.json().path("caseNo").asText();
    }

    /** Starts like a PDF and goes on as a Windows executable. */
    private static byte[] fakePdf(int size) {
        byte[] out = new byte[size];
        byte[] head = "%PDF-1.4\nMZ".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, out, 0, head.length);
        return out;
    }

    /** A clerk's upload of three parts whose client goes away during the third. */
    private void leftBeforeTheEnd(String path, byte[] first, byte[] second) throws IOException {
        assertTrue("both past CXF's 100 KB in memory", first.length > 102_400 && second.length > 102_400);
        String boundary = "----onewindow-gone";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (byte[] part : new byte[][] {first, second, first}) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"p.png\"\r\n"
                    + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(part);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        byte[] whole = body.toByteArray();
        String head = "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic "
                + Base64.getEncoder().encodeToString("clerk:clerk-demo".getBytes(StandardCharsets.UTF_8))
                + "\r\nContent-Type: multipart/form-data; boundary=" + boundary + "\r\nContent-Length: " + whole.length + "\r\n\r\n";
        int files = temporaryFiles().size();
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", HTTP_PORT)) {
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write(whole, 0, whole.length - first.length / 2);
            socket.getOutputStream().flush();
            // while the third part is awaited, the first two are temporary files: the count above is not blind
            long end = System.nanoTime() + 10_000_000_000L;
            while (temporaryFiles().size() < files + 2 && System.nanoTime() < end) {
                Thread.sleep(100);
            }
            assertEquals("the first two parts wait in temporary files", files + 2, temporaryFiles().size());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Http.Answer raw(String head) {
        return Http.raw("127.0.0.1", HTTP_PORT, (head + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
    }

    private static void assertJson(String what, int status, String code, Http.Answer a) {
        assertEquals(what + ": " + a, status, a.status);
        assertTrue(what + " is JSON: " + a.contentType + " " + a.body, a.contentType.startsWith("application/json"));
        JsonNode json = a.json();
        assertEquals(what + ": " + a, code, json.path("code").asText());
        assertFalse(what + ": " + a, json.path("message").asText().isEmpty());
    }

    private static List<String> types(JsonNode files) {
        List<String> out = new ArrayList<>();
        files.forEach(f -> out.add(f.path("contentType").asText()));
        return out;
    }

    /** The files (not folders) under the appliance's data/tmp, its JVM's temporary folder. */
    private static List<Path> temporaryFiles() throws IOException {
        Path tmp = Paths.get(System.getProperty("karaf.data"), "tmp");
        if (!Files.isDirectory(tmp)) {
            return List.of();
        }
        try (Stream<Path> all = Files.walk(tmp)) {
            return all.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
        }
    }

    /** The files under data/tmp once their count is {@code expected}, or after 15 s (a request the client left ends late). */
    private static List<Path> awaitTemporaryFiles(int expected) throws IOException, InterruptedException {
        long end = System.nanoTime() + 15_000_000_000L;
        List<Path> now = temporaryFiles();
        while (now.size() != expected && System.nanoTime() < end) {
            Thread.sleep(250);
            now = temporaryFiles();
        }
        return now;
    }
}
