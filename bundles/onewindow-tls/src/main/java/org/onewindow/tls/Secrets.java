package org.onewindow.tls;

import java.nio.file.Path;
import java.nio.file.Paths;

import org.onewindow.tls.internal.SecretKeystore;

/**
 * A shared secret as configured in {@code etc/}: plain text, or a reference to an entry of a PKCS#12 keystore,
 * {@code keystore:etc/onewindow/secrets.p12#relay-GA} (a path relative to the appliance's home, then {@code #}
 * and the entry's alias), whose password is read from the {@code 0600} file beside it
 * ({@code etc/onewindow/secrets.password}), never from the environment. {@code onewindow:secret-store NAME} puts
 * a secret there.
 */
public final class Secrets {
    public static final String KEYSTORE_PREFIX = "keystore:";

    private Secrets() {
    }

    /** Whether {@code configured} names a keystore entry rather than holding the secret itself. */
    public static boolean isReference(String configured) {
        return configured != null && configured.strip().startsWith(KEYSTORE_PREFIX);
    }

    /**
     * The secret itself: {@code configured} as it is, or the keystore entry it names.
     *
     * @throws IllegalArgumentException naming the reference (never a secret) when the keystore, its password file
     *         or the entry cannot be read
     */
    public static String resolve(String configured) {
        if (!isReference(configured)) {
            return configured;
        }
        String ref = configured.strip().substring(KEYSTORE_PREFIX.length());
        int hash = ref.lastIndexOf('#');
        if (hash <= 0 || hash == ref.length() - 1) {
            throw new IllegalArgumentException("a secret reference is keystore:<file>#<alias>, not " + configured);
        }
        return new SecretKeystore(home().resolve(ref.substring(0, hash))).read(ref.substring(hash + 1));
    }

    /** Where relative references start: the appliance's home. */
    static Path home() {
        return Paths.get(System.getProperty("karaf.home", ".")).toAbsolutePath();
    }
}
