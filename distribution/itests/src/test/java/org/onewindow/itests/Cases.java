package org.onewindow.itests;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** Requests of the window, in the API's JSON. */
final class Cases {
    /** Valid resident ID numbers (GB 11643-1999 check digits). */
    static final String ZHANG_SAN = "441302199003071238";
    static final String LI_SI = "11010519491231002X";
    static final String WRONG_CHECK_DIGIT = "441302199003071237";

    private Cases() {
    }

    static String open(String item, String idNumber, String... materials) {
        return "{\"itemCode\":\"" + item + "\",\"applicant\":{\"idNumber\":\"" + idNumber + "\",\"name\":\"张三\"},"
                + "\"materials\":[" + String.join(",", Arrays.stream(materials).map(m -> "\"" + m + "\"").toArray(String[]::new)) + "]}";
    }

    /** Waits (up to 20 s) until the case has {@code status}, as the relay or a department moves it; returns it. */
    static JsonNode awaitStatus(Http http, String caseNo, String status) {
        long end = System.nanoTime() + 20_000_000_000L;
        JsonNode c = null;
        while (System.nanoTime() < end) {
            c = http.get("/cases/" + caseNo, "supervisor").json();
            if (status.equals(c.path("status").asText())) {
                return c;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("case " + caseNo + " not " + status + " within 20 s: " + (c == null ? "" : c.path("status").asText()));
    }

    /** The first item of {@code department} with a time limit of at least {@code minDays} working days. */
    static JsonNode item(Http http, String department, int minDays) {
        for (JsonNode i : http.get("/catalog/items?size=500&department=" + department, "clerk").json().path("items")) {
            if (i.path("timeLimitDays").asInt() >= minDays) {
                return http.get("/catalog/items/" + i.path("code").asText(), "clerk").json();
            }
        }
        throw new AssertionError("no item of " + department + " with a time limit of " + minDays + " days or more");
    }

    /** Opens a case for {@code item} with every required material and accepts it; returns the accepted case. */
    static JsonNode accepted(Http http, JsonNode item, String idNumber) {
        List<String> required = new ArrayList<>();
        item.path("materials").forEach(m -> {
            if (m.path("required").asBoolean()) {
                required.add(m.path("code").asText());
            }
        });
        Http.Answer opened = http.postJson("/cases", "clerk", open(item.path("code").asText(), idNumber, required.toArray(new String[0])));
        if (opened.status != 201) {
            throw new AssertionError(opened.toString());
        }
        Http.Answer accepted = http.postJson("/cases/" + opened.json().path("caseNo").asText() + "/transitions", "clerk", to("ACCEPTED"));
        if (accepted.status != 200) {
            throw new AssertionError(accepted.toString());
        }
        return accepted.json();
    }

    static String to(String status) {
        return "{\"to\":\"" + status + "\"}";
    }

    static byte[] png(String text) {
        byte[] head = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
        byte[] tail = text.getBytes(StandardCharsets.UTF_8);
        byte[] out = Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, out, head.length, tail.length);
        return out;
    }

    static byte[] pdf(String text) {
        return ("%PDF-1.4\n" + text).getBytes(StandardCharsets.UTF_8);
    }
}
