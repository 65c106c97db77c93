package org.onewindow.replication;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The SHA-256 (hex) of one journal record as shipped: its number, kind, key, time written and state. District and hub
 * compare it for the record at the number the hub acknowledged, and so know whether the district's journal still is
 * the one the hub holds: a {@code data/} restored from an older copy that has since written other records under the same
 * numbers differs there, whatever the numbers say. Each field is length-prefixed, so no two records share an encoding.
 */
public final class RecordDigests {
    private RecordDigests() {
    }

    public static String of(RecordDTO r) {
        return of(r.seq, r.kind, r.key, r.writtenAt, r.payload);
    }

    public static String of(long seq, String kind, String key, String writtenAt, String payload) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String field : new String[] {Long.toString(seq), kind, key, writtenAt, payload}) {
                byte[] bytes = field == null ? new byte[0] : field.getBytes(StandardCharsets.UTF_8);
                sha.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
                sha.update(bytes);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
