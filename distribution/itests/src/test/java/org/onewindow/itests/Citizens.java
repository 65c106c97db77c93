package org.onewindow.itests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Citizens of the online channel: valid ID numbers, a mobile bound through a verified path (a clerk who checked
 * the ID card), sign-in with the code the file notifier wrote, requests in their session.
 */
final class Citizens {
    static final String BASE = "/public/online";
    private static final Pattern CODE = Pattern.compile("验证码为 (\\d{6})");
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";

    private Citizens() {
    }

    /** A valid resident ID number (GB 11643-1999) born on {@code birth} (yyyyMMdd), numbered {@code seq} (0-999). */
    static String idNumber(String birth, int seq) {
        return withCheckDigit("441302" + birth + String.format("%03d", seq));
    }

    /** The first 17 characters of a resident ID number with their check digit. */
    static String withCheckDigit(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return first17 + CHECK.charAt(sum % 11);
    }

    /** Every notice the appliance's file notifier wrote (Pax Exam: this appliance), oldest first. */
    static List<JsonNode> notices() {
        return notices(noticesIn(Paths.get(System.getProperty("karaf.data"))));
    }

    /** Where the file notifier of the appliance with data folder {@code data} writes. */
    static Path noticesIn(Path data) {
        return data.resolve("onewindow/notices/notices.jsonl");
    }

    static List<JsonNode> notices(Path file) {
        try {
            if (!Files.exists(file)) {
                return List.of();
            }
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).map(l -> {
                try {
                    return Http.JSON.readTree(l);
                } catch (IOException e) {
                    throw new AssertionError(l, e);
                }
            }).collect(Collectors.toList());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The code of the latest sign-in notice to {@code idNumber} (Pax Exam: this appliance). */
    static String lastCode(String idNumber) {
        return lastCode(noticesIn(Paths.get(System.getProperty("karaf.data"))), idNumber);
    }

    /** The code of the latest sign-in notice to {@code idNumber} in {@code file}, waiting up to 10 s for it. */
    static String lastCode(Path file, String idNumber) {
        long end = System.nanoTime() + 10_000_000_000L;
        do {
            List<JsonNode> all = notices(file);
            for (int i = all.size() - 1; i >= 0; i--) {
                JsonNode n = all.get(i);
                if ("SIGN_IN_CODE".equals(n.path("kind").asText()) && idNumber.equals(n.path("idNumber").asText())) {
                    Matcher m = CODE.matcher(n.path("text").asText());
                    if (m.find()) {
                        return m.group(1);
                    }
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        } while (System.nanoTime() < end);
        throw new AssertionError("no sign-in code sent to " + idNumber + " in " + file);
    }

    /** Every notice the file notifier wrote to {@code mobile} (Pax Exam: this appliance). */
    static List<JsonNode> noticesTo(String mobile) {
        return notices().stream().filter(n -> mobile.equals(n.path("mobile").asText())).collect(Collectors.toList());
    }

    /** Asks for a code to {@code idNumber}'s verified mobile, typing {@code mobile} as the citizen believes it is. */
    static Http.Answer sendCode(Http http, String idNumber, String mobile) {
        return http.exchange("POST", BASE + "/sign-in/code", Map.of(), "{\"idNumber\":\"" + idNumber + "\",\"mobile\":\"" + mobile + "\"}");
    }

    /** Asks for a code to {@code idNumber}'s verified mobile, whatever it is. */
    static Http.Answer sendCode(Http http, String idNumber) {
        return http.exchange("POST", BASE + "/sign-in/code", Map.of(), "{\"idNumber\":\"" + idNumber + "\"}");
    }

    /** A clerk binds {@code mobile} to {@code idNumber} at a window, having checked the ID card; throws if refused. */
    static void bindAtWindow(Http http, String idNumber, String mobile) {
        Http.Answer bound = http.postJson("/online/citizens/bindings", "clerk", "{\"idNumber\":\"" + idNumber + "\",\"mobile\":\"" + mobile + "\"}");
        if (bound.status != 200) {
            throw new AssertionError(bound.toString());
        }
    }

    static Http.Answer enter(Http http, String idNumber, String code) {
        return http.exchange("POST", BASE + "/sign-in", Map.of(), "{\"idNumber\":\"" + idNumber + "\",\"code\":\"" + code + "\"}");
    }

    /** A fresh citizen: a clerk binds {@code mobile} at a window (the verified path), then they sign in with a code sent there. */
    static Session signIn(Http http, String idNumber, String mobile) {
        bindAtWindow(http, idNumber, mobile);
        return signInVerified(http, idNumber, mobile);
    }

    /** Signs in with a code sent to the verified mobile {@code mobile}; throws if any step fails. */
    static Session signInVerified(Http http, String idNumber, String mobile) {
        Http.Answer sent = sendCode(http, idNumber, mobile);
        if (sent.status != 202) {
            throw new AssertionError(sent.toString());
        }
        return enterCode(http, idNumber);
    }

    /** Enters the latest code sent for {@code idNumber} and opens a session; throws if refused. */
    static Session enterCode(Http http, String idNumber) {
        Http.Answer in = enter(http, idNumber, lastCode(idNumber));
        if (in.status != 200) {
            throw new AssertionError(in.toString());
        }
        String cookie = in.headers.firstValue("Set-Cookie").orElseThrow().split(";")[0];
        return new Session(http, idNumber, cookie, in.json().path("csrfToken").asText());
    }

    /** A signed-in citizen's browser: the session cookie and the CSRF token. */
    static final class Session {
        final Http http;
        final String idNumber;
        final String cookie;
        final String csrf;

        Session(Http http, String idNumber, String cookie, String csrf) {
            this.http = http;
            this.idNumber = idNumber;
            this.cookie = cookie;
            this.csrf = csrf;
        }

        Http.Answer get(String path) {
            return http.exchange("GET", BASE + path, Map.of("Cookie", cookie), null);
        }

        Http.Answer send(String method, String path, String json) {
            return http.exchange(method, BASE + path, Map.of("Cookie", cookie, "X-CSRF-Token", csrf), json);
        }

        /** The same without the CSRF token, as a forged cross-site request would come. */
        Http.Answer forged(String method, String path, String json) {
            return http.exchange(method, BASE + path, Map.of("Cookie", cookie), json);
        }

        /** Uploads a file for a material, as the page does (multipart field {@code file}). */
        Http.Answer upload(String caseNo, String material, String fileName, byte[] content) {
            return http.upload(BASE + "/applications/" + caseNo + "/materials/" + material, Map.of("Cookie", cookie, "X-CSRF-Token", csrf),
                    new String[] {fileName}, new byte[][] {content});
        }
    }
}
