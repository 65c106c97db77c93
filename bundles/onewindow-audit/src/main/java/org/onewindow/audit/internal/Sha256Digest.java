package org.onewindow.audit.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import org.onewindow.audit.ChainDigest;

/** SHA-256 from the JDK: the chain's default algorithm. */
final class Sha256Digest implements ChainDigest {
    static final String NAME = "SHA-256";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public byte[] digest(byte[] data) {
        try {
            return MessageDigest.getInstance(NAME).digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
