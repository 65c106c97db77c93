package org.onewindow.replication;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.onewindow.problem.Problem;

/**
 * The signature schemes districts and the hub know, by name: {@value #ED25519} (the default) and
 * {@value #ECDSA_P256}, both from the JDK. A bundle that brings another scheme (SM2, say) registers it
 * once at start; every caller finds it here by the name a district registered its key with.
 */
public final class SignatureAlgorithms {
    public static final String ED25519 = "Ed25519";
    /** ECDSA with SHA-256 on NIST P-256 (secp256r1); signatures DER-encoded, as the JDK makes them. */
    public static final String ECDSA_P256 = "ECDSA-P256";
    private static final Map<String, SignatureAlgorithm> KNOWN = new ConcurrentHashMap<>();

    static {
        register(JdkSignatureAlgorithm.ed25519());
        register(JdkSignatureAlgorithm.ecdsaP256());
    }

    private SignatureAlgorithms() {
    }

    /** Adds a scheme under its {@link SignatureAlgorithm#name()}; a name already taken keeps its first scheme. */
    public static void register(SignatureAlgorithm algorithm) {
        KNOWN.putIfAbsent(algorithm.name(), algorithm);
    }

    /** The scheme of that name; 400 {@code UNSUPPORTED_ALGORITHM} if none is known here. */
    public static SignatureAlgorithm named(String name) {
        SignatureAlgorithm a = name == null ? null : KNOWN.get(name.strip());
        if (a == null) {
            throw Problem.badRequest("UNSUPPORTED_ALGORITHM", "不支持的签名算法 '" + name + "'：可用 " + names());
        }
        return a;
    }

    public static Set<String> names() {
        return new TreeSet<>(KNOWN.keySet());
    }
}
