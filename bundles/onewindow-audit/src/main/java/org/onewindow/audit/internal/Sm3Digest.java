package org.onewindow.audit.internal;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.onewindow.audit.ChainDigest;

/**
 * SM3 (GB/T 32905-2016), the commercial cryptography standard's hash, from BouncyCastle's lightweight API (no
 * provider to register): chosen with {@code algorithm = SM3} in {@code etc/org.onewindow.audit.cfg}. BouncyCastle comes
 * with Karaf's SSH server (staff access uses it too).
 */
final class Sm3Digest implements ChainDigest {
    static final String NAME = "SM3";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public byte[] digest(byte[] data) {
        SM3Digest sm3 = new SM3Digest();
        sm3.update(data, 0, data.length);
        byte[] out = new byte[sm3.getDigestSize()];
        sm3.doFinal(out, 0);
        return out;
    }
}
