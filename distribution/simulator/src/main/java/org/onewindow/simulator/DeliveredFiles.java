package org.onewindow.simulator;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

/** The files of a delivery, in its {@code files} and in each of its {@code materials}: how many, and whether each is whole. */
final class DeliveredFiles {
    private DeliveredFiles() {
    }

    /** Why a file of the delivery is corrupt, or null when all are whole. */
    static String corrupt(JsonNode d) {
        List<JsonNode> files = new ArrayList<>();
        for (JsonNode m : d.path("materials")) {
            for (JsonNode f : m.path("files")) {
                files.add(f);
            }
        }
        for (JsonNode f : d.path("files")) {
            files.add(f);
        }
        for (JsonNode f : files) {
            String name = f.path("name").asText("?");
            JsonNode base64 = f.get("contentBase64");
            String content = base64 != null && base64.isTextual() ? base64.asText() : null;
            String sha = Json.text(f, "sha256");
            JsonNode size = f.get("size");
            if (content == null) {
                return "file '" + name + "' has no contentBase64";
            }
            if (sha == null || size == null || !size.canConvertToLong()) {
                return "file '" + name + "' lacks its size or sha256";
            }
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(content);
            } catch (IllegalArgumentException e) {
                return "file '" + name + "' is not valid base64";
            }
            if (bytes.length != size.asLong()) {
                return "file '" + name + "' has " + bytes.length + " bytes, not " + size.asLong();
            }
            if (!Signatures.sha256(bytes).equals(sha.strip().toLowerCase(Locale.ROOT))) {
                return "file '" + name + "' does not match its sha256";
            }
        }
        return null;
    }

    /** How many files the delivery carries. */
    static int count(JsonNode d) {
        int n = d.path("files").size();
        for (JsonNode m : d.path("materials")) {
            n += m.path("files").size();
        }
        return n;
    }
}
