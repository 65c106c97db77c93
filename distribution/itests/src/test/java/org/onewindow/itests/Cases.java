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

    /** {@code idNumber} as the case API answers it to staff (the server's IdNumbers.mask: the first six and last four kept). */
    static String masked(String idNumber) {
        return idNumber.substring(0, 6) + "*".repeat(idNumber.length() - 10) + idNumber.substring(idNumber.length() - 4);
    }

    static String open(String item, String idNumber, String... materials) {
        return "{\"itemCode\":\"" + item + "\",\"applicant\":{\"idNumber\":\"" + idNumber + "\",\"name\":\"张三\"},"
                + "\"materials\":[" + String.join(",", Arrays.stream(materials).map(m -> "\"" + m + "\"").toArray(String[]::new)) + "]}";
    }

    /** Waits (up to 20 s) until the case has {@code status}, as the relay or a department moves it; returns it. */
    static JsonNode awaitStatus(Http http, String caseNo, String status) {
        return awaitStatus(http, caseNo, status, java.time.Duration.ofSeconds(20));
    }

    static JsonNode awaitStatus(Http http, String caseNo, String status, java.time.Duration within) {
        long end = System.nanoTime() + within.toNanos();
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
        throw new AssertionError("case " + caseNo + " not " + status + " within " + within.toSeconds() + " s: " + (c == null ? "" : c.path("status").asText()));
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
        Http.Answer accepted = http.postJson("/cases/" + opened(http, item, idNumber) + "/transitions", "clerk", to("ACCEPTED"));
        if (accepted.status != 200) {
            throw new AssertionError(accepted.toString());
        }
        return accepted.json();
    }

    /** Opens a case for {@code item} with every required material (ready to be accepted); returns its number. */
    static String opened(Http http, JsonNode item, String idNumber) {
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
        return opened.json().path("caseNo").asText();
    }

    static String to(String status) {
        return "{\"to\":\"" + status + "\"}";
    }

    /** A real PNG (its header and dimensions read) whose pixels carry {@code text}, so that each text is a file of its own. */
    static byte[] png(String text) {
        return image("png", text);
    }

    /** A real JPEG, the same way. */
    static byte[] jpeg(String text) {
        return image("jpeg", text);
    }

    /**
     * A real image of random pixels, {@code side} by {@code side}: hundreds of kilobytes, past the size below
     * which CXF keeps a part of a multipart body in memory instead of a temporary file.
     */
    static byte[] noise(String format, int side, long seed) {
        java.util.Random random = new java.util.Random(seed);
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(side, side, java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                img.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        return write(format, img);
    }

    private static byte[] image(String format, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(Math.max(8, bytes.length), 8,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < bytes.length; i++) {
            for (int y = 0; y < 8; y++) {
                img.setRGB(i, y, (bytes[i] & 0xFF) * 0x010101);
            }
        }
        return write(format, img);
    }

    private static byte[] write(String format, java.awt.image.BufferedImage img) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            if (!javax.imageio.ImageIO.write(img, format, out)) {
                throw new IllegalStateException("no " + format + " writer");
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A real one-page PDF (it parses with PDFBox) whose title is {@code text}. */
    static byte[] pdf(String text) {
        return pdf(text, 0);
    }

    /** The same, {@code padding} bytes larger (a comment before the cross-reference table). */
    static byte[] pdf(String text, int padding) {
        StringBuilder title = new StringBuilder("FEFF");
        for (char c : text.toCharArray()) {
            title.append(String.format("%04X", (int) c));
        }
        String[] objects = {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
            "<< /Title <" + title + "> >>",
        };
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
        int[] offsets = new int[objects.length];
        for (int i = 0; i < objects.length; i++) {
            offsets[i] = pdf.length();
            pdf.append(i + 1).append(" 0 obj\n").append(objects[i]).append("\nendobj\n");
        }
        if (padding > 0) {
            pdf.append('%').append("x".repeat(padding)).append("\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.length + 1).append("\n0000000000 65535 f \n");
        for (int offset : offsets) {
            pdf.append(String.format("%010d 00000 n \n", offset));
        }
        pdf.append("trailer\n<< /Size ").append(objects.length + 1).append(" /Root 1 0 R /Info 4 0 R >>\nstartxref\n").append(xref)
                .append("\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** A case of an instant item for {@code applicant} (and an agent), taken in, accepted and ready at the window. */
    static String readyInstant(Http http, String applicant, String name, String phone, String agent, String agentName) {
        JsonNode item = null;
        for (JsonNode i : http.get("/catalog/items?size=500", "clerk").json().path("items")) {
            if (i.path("timeLimitDays").asInt() == 0) {
                item = http.get("/catalog/items/" + i.path("code").asText(), "clerk").json();
                break;
            }
        }
        List<String> required = new ArrayList<>();
        item.path("materials").forEach(m -> {
            if (m.path("required").asBoolean()) {
                required.add("\"" + m.path("code").asText() + "\"");
            }
        });
        String body = "{\"itemCode\":\"" + item.path("code").asText() + "\",\"applicant\":{\"idNumber\":\"" + applicant
                + "\",\"name\":\"" + name + "\"" + (phone == null ? "" : ",\"phone\":\"" + phone + "\"") + "}"
                + (agent == null ? "" : ",\"agent\":{\"idNumber\":\"" + agent + "\",\"name\":\"" + agentName + "\"}")
                + ",\"materials\":[" + String.join(",", required) + "]}";
        Http.Answer opened = http.postJson("/cases", "clerk", body);
        if (opened.status != 201) {
            throw new AssertionError(opened.toString());
        }
        String no = opened.json().path("caseNo").asText();
        for (String step : List.of("ACCEPTED", "READY_FOR_PICKUP")) {
            JsonNode moved = http.postJson("/cases/" + no + "/transitions", "clerk", to(step)).json();
            if (!step.equals(moved.path("status").asText())) {
                throw new AssertionError(moved.toString());
            }
        }
        return no;
    }
}
