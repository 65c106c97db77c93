package org.onewindow.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import javax.inject.Inject;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.service.cm.ConfigurationAdmin;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Staff access on the real appliance, as an independent tester attacked it: passwords stored as slow
 * salted hashes (and an old unsalted one upgraded at its next login), a first password changed by its
 * owner, the second factor (TOTP) of administrators with its recovery codes, and the separation of the
 * three administrators over every operation the API describes.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class AccessIT extends OneWindowTestSupport {
    private static final Map<String, String> CONSOLE = Map.of("X-Requested-With", "XMLHttpRequest");

    @Inject
    ConfigurationAdmin configurations;

    @Configuration
    public Option[] config() {
        // a user as releases before bcrypt stored them: unsalted SHA-512; plain HTTP served also once demo mode is off
        // (as behind a hall's TLS-terminating proxy), since the tests here speak HTTP (TlsIT tests the redirect)
        return appliance(user("legacy", "Legacy-Pass-2026", "clerk"), editConfigurationFilePut("etc/org.onewindow.tls.cfg", "plainHttp", "serve"));
    }

    @Before
    public void apiUp() throws InterruptedException {
        awaitApi();
        // the demo monitor is written after the others: the role matrix needs it
        http.awaitOk("/metrics", "monitor", Duration.ofSeconds(60));
    }

    @Test
    public void passwordsAreSlowSaltedHashesInAFileOnlyTheApplianceReads() throws Exception {
        Path users = Path.of(System.getProperty("karaf.etc"), "users.properties");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(users)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(users.resolveSibling("shell-users.properties"))));
        String clerk = stored(users, "clerk");
        assertNotEquals("tester's finding: the stored value was sha512sum of the password", "{CRYPT}" + sha512("clerk-demo") + "{CRYPT}", clerk);
        assertTrue(clerk, bcrypt(clerk).startsWith("$2a$10$"));

        // two users with one password have two hashes
        for (String name : List.of("twin-a", "twin-b")) {
            assertEquals(201, http.postJson("/users", "security", "{\"name\":\"" + name + "\",\"password\":\"Same-Pass-2026\",\"roles\":[\"clerk\"]}").status);
        }
        String a = awaitStored(users, "twin-a");
        String b = awaitStored(users, "twin-b");
        assertNotEquals("salted", a, b);
    }

    @Test
    public void anOldSha512PasswordLogsInOnceAndIsHashedAnew() throws Exception {
        Path users = Path.of(System.getProperty("karaf.etc"), "users.properties");
        assertEquals("{CRYPT}" + sha512("Legacy-Pass-2026").toUpperCase() + "{CRYPT}", stored(users, "legacy"));
        assertEquals(200, http.get("/catalog/items?size=1", "legacy:Legacy-Pass-2026").status);
        String after = awaitStored(users, "legacy");
        assertTrue("rehashed with bcrypt: " + after, bcrypt(after).startsWith("$2a$10$"));
        assertEquals(200, http.exchange("POST", "/session", CONSOLE, "{\"username\":\"legacy\",\"password\":\"Legacy-Pass-2026\"}").status);
        assertEquals(401, http.get("/catalog/items?size=1", "legacy:Legacy-Pass-2025").status);
        JsonNode events = http.get("/access/events?user=legacy&event=PASSWORD_REHASHED", "auditor").json();
        assertEquals(events.toString(), 1, events.size());
    }

    @Test
    public void anAdministratorsFirstPasswordIsTheirsToChangeAndTheirSecondFactorIsNeeded() throws Exception {
        assertEquals(201, http.postJson("/users", "security", "{\"name\":\"ops\",\"password\":\"Window-Admin-2026\",\"roles\":[\"admin\"]}").status);
        // a second security administrator, who will need a second factor of their own once demo mode is off
        assertEquals(201, http.postJson("/users", "security", "{\"name\":\"keeper\",\"password\":\"Hall-Guard-2026\",\"roles\":[\"security\"]}").status);
        assertEquals(204, http.putJson("/account/password", "keeper:Hall-Guard-2026",
                "{\"current\":\"Hall-Guard-2026\",\"password\":\"Hall-Guard-2027\"}").status);
        Http.Answer first = http.get("/catalog/items?size=1", "ops:Window-Admin-2026");
        assertEquals(first.toString(), 403, first.status);
        assertEquals("PASSWORD_CHANGE_REQUIRED", first.code());
        assertEquals("[\"CHANGE_PASSWORD\"]", http.get("/account", "ops:Window-Admin-2026").json().path("requirements").toString());
        assertEquals("CURRENT_PASSWORD_WRONG", http.putJson("/account/password", "ops:Window-Admin-2026",
                "{\"current\":\"nope\",\"password\":\"Window-Admin-2027\"}").code());
        assertEquals("WEAK_PASSWORD", http.putJson("/account/password", "ops:Window-Admin-2026", "{\"current\":\"Window-Admin-2026\",\"password\":\"opsadmin\"}").code());
        assertEquals(204, http.putJson("/account/password", "ops:Window-Admin-2026", "{\"current\":\"Window-Admin-2026\",\"password\":\"Window-Admin-2027\"}").status);
        assertEquals(200, http.get("/catalog/items?size=1", "ops:Window-Admin-2027").status);
        assertEquals("the old password is gone", 401, http.get("/catalog/items?size=1", "ops:Window-Admin-2026").status);
        assertEquals("PASSWORD_REUSED", http.putJson("/account/password", "ops:Window-Admin-2027",
                "{\"current\":\"Window-Admin-2027\",\"password\":\"Window-Admin-2026\"}").code());

        // a real hall (demo off): an administrator without a second factor may only enrol one
        setDemo(false);
        try {
            assertEquals(200, http.exchange("POST", "/session", CONSOLE, "{\"username\":\"ops\",\"password\":\"Window-Admin-2027\"}").status);
            Http.Answer unenrolled = http.get("/catalog/items?size=1", "ops:Window-Admin-2027");
            assertEquals(unenrolled.toString(), 403, unenrolled.status);
            assertEquals("SECOND_FACTOR_ENROLMENT_REQUIRED", unenrolled.code());
            JsonNode enrolment = http.postJson("/account/second-factor", "ops:Window-Admin-2027", "").json();
            byte[] secret = Totp.base32(enrolment.path("secret").asText());
            assertTrue(enrolment.path("uri").asText().startsWith("otpauth://totp/"));
            Http.Answer qr = http.get("/account/second-factor/qr", "ops:Window-Admin-2027");
            assertEquals(200, qr.status);
            assertTrue(qr.contentType, qr.contentType.startsWith("image/svg+xml") && qr.body.startsWith("<svg"));
            assertEquals("SECOND_FACTOR_INVALID", http.postJson("/account/second-factor/confirmation", "ops:Window-Admin-2027",
                    "{\"code\":\"" + Totp.otherThan(Totp.code(secret, 0)) + "\"}").code());
            JsonNode confirmed = http.postJson("/account/second-factor/confirmation", "ops:Window-Admin-2027",
                    "{\"code\":\"" + Totp.code(secret, 0) + "\"}").json();
            List<String> recovery = new ArrayList<>();
            confirmed.path("recoveryCodes").forEach(c -> recovery.add(c.asText()));
            assertEquals(10, recovery.size());

            // TOTP required for admin: a login without the code refused
            Http.Answer noCode = http.get("/catalog/items?size=1", "ops:Window-Admin-2027");
            assertEquals(noCode.toString(), 401, noCode.status);
            assertEquals("SECOND_FACTOR_REQUIRED", noCode.code());
            assertEquals("SECOND_FACTOR_REQUIRED", http.exchange("POST", "/session", CONSOLE,
                    "{\"username\":\"ops\",\"password\":\"Window-Admin-2027\"}").code());
            String next = Totp.code(secret, 1);
            assertEquals("a script sends the code in a header", 200, http.exchange("GET", "/catalog/items?size=1",
                    Map.of("Authorization", basic("ops:Window-Admin-2027"), "X-OneWindow-OTP", next), null).status);
            assertEquals("and may repeat it with its burst of requests", 200, http.exchange("GET", "/relay/outbox?size=1",
                    Map.of("Authorization", basic("ops:Window-Admin-2027"), "X-OneWindow-OTP", next), null).status);
            assertEquals("the console may not: a code is used once", "SECOND_FACTOR_INVALID", http.exchange("POST", "/session", CONSOLE,
                    "{\"username\":\"ops\",\"password\":\"Window-Admin-2027\",\"code\":\"" + next + "\"}").code());
            assertEquals("SECOND_FACTOR_INVALID", http.exchange("POST", "/session", CONSOLE,
                    "{\"username\":\"ops\",\"password\":\"Window-Admin-2027\",\"code\":\"" + Totp.otherThan(next) + "\"}").code());

            // recovery codes work once each
            Http.Answer recovered = http.exchange("POST", "/session", CONSOLE,
                    "{\"username\":\"ops\",\"password\":\"Window-Admin-2027\",\"code\":\"" + recovery.get(0) + "\"}");
            assertEquals(recovered.toString(), 200, recovered.status);
            assertEquals("SECOND_FACTOR_INVALID", http.exchange("POST", "/session", CONSOLE,
                    "{\"username\":\"ops\",\"password\":\"Window-Admin-2027\",\"code\":\"" + recovery.get(0) + "\"}").code());
            String cookie = recovered.headers.firstValue("Set-Cookie").orElse("").split(";")[0];
            assertEquals(200, http.exchange("GET", "/account", Map.of("Cookie", cookie), null).status);
            assertEquals(9, http.exchange("GET", "/account", Map.of("Cookie", cookie), null).json().path("secondFactor").path("recoveryCodesLeft").asInt());

            // a lost phone: a security administrator (with a second factor of their own) resets the factor, and the open session ends
            assertEquals(403, http.delete("/users/ops/second-factor", "admin").status);
            assertEquals("SECOND_FACTOR_ENROLMENT_REQUIRED", http.delete("/users/ops/second-factor", "keeper:Hall-Guard-2027").code());
            JsonNode keeperEnrolment = http.postJson("/account/second-factor", "keeper:Hall-Guard-2027", "").json();
            byte[] keeperSecret = Totp.base32(keeperEnrolment.path("secret").asText());
            assertEquals(200, http.postJson("/account/second-factor/confirmation", "keeper:Hall-Guard-2027",
                    "{\"code\":\"" + Totp.code(keeperSecret, 0) + "\"}").status);
            assertEquals(204, http.exchange("DELETE", "/users/ops/second-factor", Map.of("Authorization", basic("keeper:Hall-Guard-2027"),
                    "X-OneWindow-OTP", Totp.code(keeperSecret, 1)), null).status);
            assertEquals(401, http.exchange("GET", "/account", Map.of("Cookie", cookie), null).status);
            assertEquals("SECOND_FACTOR_ENROLMENT_REQUIRED", http.get("/catalog/items?size=1", "ops:Window-Admin-2027").code());
            JsonNode log = http.get("/access/events?user=ops", "auditor").json();
            for (String event : List.of("USER_CREATED", "PASSWORD_CHANGED", "SECOND_FACTOR_ENROLLED", "RECOVERY_CODE_USED", "SECOND_FACTOR_FAILED",
                    "SECOND_FACTOR_RESET")) {
                assertTrue(event + " in " + log, log.toString().contains("\"" + event + "\""));
            }
        } finally {
            setDemo(true);
        }
    }

    @Test
    public void theThreeAdministratorsAreSeparateOverEveryOperationOfTheApi() {
        JsonNode paths = http.get("/openapi.json", null).json().path("paths");
        List<String> roles = List.of("admin", "security", "auditor", "clerk", "reviewer", "supervisor", "monitor");
        Map<String, int[]> counts = new java.util.LinkedHashMap<>();
        roles.forEach(r -> counts.put(r, new int[2]));
        List<String> wrong = new ArrayList<>();
        int operations = 0;
        for (var path = paths.fields(); path.hasNext();) {
            var p = path.next();
            for (var op = p.getValue().fields(); op.hasNext();) {
                var o = op.next();
                String method = o.getKey().toUpperCase();
                if (!List.of("GET", "POST", "PUT", "DELETE").contains(method)) {
                    continue;
                }
                String url = p.getKey().replace("{caseNo}", "441302-20260101-9999").replaceAll("\\{[^}]+\\}", "X1");
                String type = o.getValue().path("requestBody").path("content").fieldNames().hasNext()
                        ? o.getValue().path("requestBody").path("content").fieldNames().next() : null;
                Http.Answer anonymous = call(method, url, null, type);
                if (anonymous.status != 401 || !"UNAUTHENTICATED".equals(anonymous.code()) || url.equals("/session")) {
                    continue; // public (the papers' stylesheet, say, or checked otherwise: signed callbacks, citizens' sessions), or not on a district (the hub's paths)
                }
                operations++;
                for (String role : roles) {
                    Http.Answer a = call(method, url, role, type);
                    boolean allowed = a.status != 401 && a.status != 403;
                    counts.get(role)[allowed ? 0 : 1]++;
                    boolean ownAccount = url.startsWith("/account");
                    if (role.equals("auditor") && !method.equals("GET") && !ownAccount && allowed) {
                        wrong.add("auditor changes: " + method + " " + url + " -> " + a);
                    }
                    boolean auditTrail = url.startsWith("/access/events") || url.startsWith("/licences/access") || url.startsWith("/audit");
                    if (auditTrail && allowed != role.equals("auditor")) {
                        wrong.add(role + (allowed ? " reads" : " cannot read") + " the audit trail: " + url + " -> " + a);
                    }
                    if (url.startsWith("/users") && allowed != role.equals("security")) {
                        wrong.add(role + (allowed ? " manages" : " cannot manage") + " users: " + method + " " + url + " -> " + a);
                    }
                    if ((url.startsWith("/cases") || url.startsWith("/review")) && allowed && List.of("security", "auditor").contains(role)) {
                        wrong.add(role + " reads citizens' cases: " + method + " " + url + " -> " + a);
                    }
                    // the monitoring system's account reads the figures and nothing else; the figures are the system administrator's and its
                    if (role.equals("monitor") && allowed && !url.equals("/metrics") && !ownAccount) {
                        wrong.add("monitor reaches " + method + " " + url + " -> " + a);
                    }
                    if (url.equals("/metrics") && allowed != List.of("monitor", "admin").contains(role)) {
                        wrong.add(role + (allowed ? " reads" : " cannot read") + " the metrics -> " + a);
                    }
                }
            }
        }
        StringBuilder matrix = new StringBuilder("Role matrix over " + operations + " protected operations (allowed / refused):");
        counts.forEach((r, c) -> matrix.append(' ').append(r).append(' ').append(c[0]).append('/').append(c[1]));
        System.out.println(matrix);
        assertTrue(wrong.toString(), wrong.isEmpty());
        assertTrue("the API's description covers the protected operations: " + operations, operations > 60);
        assertTrue("the metrics are among them", paths.has("/metrics"));
    }

    @Test
    public void theShellListensOnTheApplianceOnlyAndOpensForItsOperatorsOnly() throws Exception {
        // tester's finding: Karaf SSH listened on every interface
        List<java.net.InetAddress> listening = Ssh.listening(SSH_PORT);
        assertFalse("the shell listens", listening.isEmpty());
        assertTrue("on the loopback only: " + listening, listening.stream().allMatch(java.net.InetAddress::isLoopbackAddress));
        for (var nic : java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces())) {
            for (var address : java.util.Collections.list(nic.getInetAddresses())) {
                if (!address.isLoopbackAddress() && !address.isLinkLocalAddress()) {
                    try (java.net.Socket socket = new java.net.Socket()) {
                        socket.connect(new java.net.InetSocketAddress(address, SSH_PORT), 2000);
                        throw new AssertionError("the shell answers at " + address);
                    } catch (java.io.IOException refused) {
                        // as it should be
                    }
                }
            }
        }
        Ssh ssh = new Ssh(SSH_PORT);
        assertTrue(ssh.run("operator", "operator-demo", "onewindow:status").contains("district 441302"));
        // tester's finding: the web administrator's password opened a root shell
        assertFalse(ssh.authenticates("admin", "admin-demo"));
        String exec = ssh.run("operator", "operator-demo", "shell:exec id");
        assertFalse(exec, exec.contains("uid="));
        assertTrue(exec, exec.contains("Command not found"));
        String repo = ssh.run("operator", "operator-demo", "feature:repo-add mvn:org.example/anything/1/xml/features");
        assertTrue("no code from anywhere: " + repo, repo.contains("Command not found"));
        String acl = ssh.run("operator", "operator-demo", "config:property-set -p org.apache.karaf.command.acl.shell exec admin");
        assertTrue("the ACLs are not reopened from the shell: " + acl, acl.contains("Insufficient credentials"));
        try {
            String local = shell("shell:exec id");
            assertFalse(local, local.contains("uid="));
        } catch (Exception refused) {
            assertTrue(refused.toString(), refused.toString().contains("not found"));
        }
    }

    @Test
    public void sshLoginsAreLockedOutAsTheConsolesAre() throws Exception {
        Ssh ssh = new Ssh(SSH_PORT);
        for (int i = 0; i < 5; i++) {
            assertFalse(ssh.authenticates("operator", "wrong-" + i));
        }
        assertFalse("tester's finding: 12 wrong passwords, then the right one worked", ssh.authenticates("operator", "operator-demo"));
        assertTrue(shell("onewindow:login-locks").contains("shell:operator"));
        shell("onewindow:login-unlock shell:operator");
        assertTrue(ssh.authenticates("operator", "operator-demo"));
        JsonNode log = http.get("/access/events?user=shell:operator", "auditor").json();
        assertTrue(log.toString(), log.toString().contains("LOGIN_LOCKED") && log.toString().contains("UNLOCKED"));
    }

    private Http.Answer call(String method, String url, String user, String type) {
        Map<String, String> headers = new java.util.HashMap<>();
        if (user != null) {
            headers.put("Authorization", basic(user + ":" + user + "-demo"));
        }
        String body = null;
        if (!method.equals("GET") && !method.equals("DELETE")) {
            if (type != null && type.startsWith("multipart/")) {
                return http.post(url, user, "multipart/form-data; boundary=b0", "--b0--\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            body = "{}";
        }
        return http.exchange(method, url, headers, body);
    }

    private void setDemo(boolean demo) throws Exception {
        org.osgi.service.cm.Configuration c = configurations.getConfiguration("org.onewindow.node", null);
        Hashtable<String, Object> props = new Hashtable<>();
        for (var keys = c.getProperties().keys(); keys.hasMoreElements();) {
            String k = keys.nextElement();
            props.put(k, c.getProperties().get(k));
        }
        props.put("demo", String.valueOf(demo));
        c.update(props);
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < end) {
            try {
                if (shell("onewindow:status").contains("DEMO") == demo) {
                    return;
                }
            } catch (Exception restarting) {
                // the node's commands come back once its new identity is registered
            }
            Thread.sleep(200);
        }
        throw new AssertionError("demo = " + demo + " not in effect within 30 s");
    }

    private static String stored(Path users, String name) throws Exception {
        Properties p = new Properties();
        try (var in = Files.newInputStream(users)) {
            p.load(in);
        }
        String entry = p.getProperty(name);
        return entry == null ? null : entry.split(",")[0];
    }

    /** The user's stored hash once it is bcrypt (the file is written while the appliance works). */
    private static String awaitStored(Path users, String name) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        String value = null;
        while (System.nanoTime() < end) {
            value = stored(users, name);
            if (value != null && bcrypt(value).startsWith("$2a$")) {
                return value;
            }
            Thread.sleep(200);
        }
        return value;
    }

    private static String bcrypt(String stored) {
        String inner = stored.replace("{CRYPT}", "");
        try {
            return new String(Base64.getDecoder().decode(inner), StandardCharsets.US_ASCII);
        } catch (IllegalArgumentException notBase64) {
            return inner;
        }
    }

    private static String sha512(String password) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512").digest(password.getBytes(StandardCharsets.UTF_8)));
    }

    private static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }
}
