package org.onewindow.audit.internal;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.function.Function;

import org.onewindow.audit.AuditRecord;
import org.onewindow.audit.BreakKind;
import org.onewindow.audit.ChainBreak;
import org.onewindow.audit.ChainDigest;

/**
 * The chain's rule: a record's hash is the digest, with the record's own algorithm, of its fields and the hash of the
 * record before it, each field length-prefixed so that no two records encode alike. The sequence number is not hashed:
 * a record's place is fixed by the link to its predecessor, which is what tells a moved record from a changed one.
 */
final class ChainHashes {
    /** What the first record of a trail names as its predecessor. */
    static final String GENESIS = "0".repeat(64);

    private final Function<String, ChainDigest> digests;

    /** {@code digests}: the installed algorithm of a name, or null. */
    ChainHashes(Function<String, ChainDigest> digests) {
        this.digests = digests;
    }

    boolean knows(String algorithm) {
        return algorithm != null && digests.apply(algorithm) != null;
    }

    /** The hash {@code r} should carry, or null if its algorithm is not installed. */
    String hash(AuditRecord r) {
        ChainDigest digest = r.algorithm == null ? null : digests.apply(r.algorithm);
        return digest == null ? null : HexFormat.of().formatHex(digest.digest(encode(r)));
    }

    /**
     * Null if {@code r} follows the record {@code prevSeq} of hash {@code prevHash}: the next number, a link to that hash,
     * and its own hash over its fields. Otherwise the first thing wrong, at the number where it shows.
     */
    ChainBreak check(long prevSeq, String prevHash, AuditRecord r) {
        if (r.seq != prevSeq + 1) {
            return r.seq > prevSeq + 1
                    ? new ChainBreak(prevSeq + 1, BreakKind.MISSING, r.seq == prevSeq + 2 ? "record #" + (prevSeq + 1) + " is missing"
                            : "records #" + (prevSeq + 1) + " to #" + (r.seq - 1) + " are missing")
                    : new ChainBreak(r.seq, BreakKind.REORDERED, "record #" + r.seq + " comes after #" + prevSeq);
        }
        String expected = hash(r);
        if (expected == null) {
            return new ChainBreak(r.seq, BreakKind.UNVERIFIABLE, "hash algorithm " + r.algorithm + " is not installed on this node");
        }
        if (!expected.equals(r.hash)) {
            return new ChainBreak(r.seq, BreakKind.CHANGED, "its fields no longer give the hash it carries: changed after it was written");
        }
        if (!prevHash.equals(r.prevHash)) {
            return new ChainBreak(r.seq, BreakKind.MISSING, "it names a predecessor that is not record #" + prevSeq
                    + ": a record before it was removed (and the numbers closed up), or #" + prevSeq + " was rewritten with its hash computed anew");
        }
        return null;
    }

    static byte[] encode(AuditRecord r) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            for (String field : new String[] {r.algorithm, r.prevHash, r.at == null ? null : Long.toString(Instant.parse(r.at).toEpochMilli()),
                r.actor, r.roles, r.client, r.channel, r.action, r.objectKind, r.objectKey, r.caseNo, r.citizen, r.citizenKey,
                r.outcome == null ? null : r.outcome.name(), r.detail}) {
                if (field == null) {
                    out.writeInt(-1);
                } else {
                    byte[] utf8 = field.getBytes(StandardCharsets.UTF_8);
                    out.writeInt(utf8.length);
                    out.write(utf8);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
