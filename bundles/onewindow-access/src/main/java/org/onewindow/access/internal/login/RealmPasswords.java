package org.onewindow.access.internal.login;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import javax.security.auth.Subject;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.modules.BackingEngine;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Passwords against the JAAS realm ({@code etc/users.properties}, hashed by Karaf's
 * spring-security-crypto encryption: bcrypt). A password still stored the old way, an unsalted
 * SHA-512 in hex, is checked here once and then hashed anew through the realm's store. An unknown
 * user costs the same bcrypt work as a known one, so that the time of the answer tells nothing.
 */
public final class RealmPasswords {
    private static final Pattern LEGACY = Pattern.compile("\\{CRYPT\\}([0-9A-Fa-f]{128})\\{CRYPT\\}");
    private static final BCryptPasswordEncoder BCRYPT = new BCryptPasswordEncoder();
    /** A hash of nothing anyone knows, checked instead when there is no account to check. */
    private static final String DUMMY = BCRYPT.encode("no account has this password " + System.nanoTime());

    private final String realm;
    private final Supplier<String> usersFile;
    private final Function<Function<BackingEngine, Set<String>>, Set<String>> changeStore;

    /** What checking a password found. */
    public record Check(Set<String> roles, boolean rehashed) {
    }

    /** {@code changeStore} makes one change to the realm's store and answers what it answered, or {@code null} without a store. */
    public RealmPasswords(String realm, Supplier<String> usersFile, Function<Function<BackingEngine, Set<String>>, Set<String>> changeStore) {
        this.realm = realm;
        this.usersFile = usersFile;
        this.changeStore = changeStore;
    }

    /** The user's roles if the password is right; an old SHA-512 hash is replaced by a slow one on the way. */
    public Optional<Check> check(String user, char[] password) {
        Optional<Set<String>> roles = jaas(user, password);
        if (roles.isPresent()) {
            return Optional.of(new Check(roles.get(), false));
        }
        String stored = stored(user);
        if (stored == null) {
            BCRYPT.matches(new String(password), DUMMY);
            return Optional.empty();
        }
        if (!legacyMatches(stored, password)) {
            return Optional.empty();
        }
        Set<String> rehashed = changeStore.apply(engine -> {
            engine.addUser(user, new String(password));
            return roles(engine, user);
        });
        if (rehashed == null) {
            return Optional.empty();
        }
        return Optional.of(new Check(jaas(user, password).orElse(rehashed), true));
    }

    /** Whether {@code user} has an entry in the realm's file. */
    public boolean exists(String user) {
        return stored(user) != null;
    }

    /** Some bcrypt work that checks nothing: for answers that must take as long as a real check. */
    public static void dummyWork(char[] password) {
        BCRYPT.matches(new String(password), DUMMY);
    }

    static boolean legacyMatches(String stored, char[] password) {
        var m = LEGACY.matcher(stored.strip());
        if (!m.matches()) {
            return false;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-512").digest(new String(password).getBytes(StandardCharsets.UTF_8));
            return MessageDigest.isEqual(HexFormat.of().parseHex(m.group(1).toLowerCase()), digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-512 is not available", e);
        }
    }

    private Optional<Set<String>> jaas(String user, char[] password) {
        Subject subject = new Subject();
        try {
            LoginContext login = new LoginContext(realm, subject, callbacks -> {
                for (var callback : callbacks) {
                    if (callback instanceof NameCallback name) {
                        name.setName(user);
                    } else if (callback instanceof PasswordCallback pw) {
                        pw.setPassword(password);
                    } else {
                        throw new UnsupportedCallbackException(callback);
                    }
                }
            });
            login.login();
        } catch (LoginException e) {
            return Optional.empty();
        }
        Set<String> roles = new HashSet<>();
        for (Principal p : subject.getPrincipals(RolePrincipal.class)) {
            roles.add(p.getName());
        }
        return Optional.of(roles);
    }

    /** The user's entry as stored (its first field, the password), read afresh; {@code null} for no such user or a group. */
    private String stored(String user) {
        String file = usersFile.get();
        if (file == null || user.startsWith("_g_:")) {
            return null;
        }
        Properties users = new Properties();
        try (InputStream in = Files.newInputStream(Path.of(file))) {
            users.load(in);
        } catch (IOException e) {
            return null;
        }
        String entry = users.getProperty(user);
        return entry == null ? null : entry.split(",", 2)[0];
    }

    private static Set<String> roles(BackingEngine engine, String user) {
        Set<String> out = new HashSet<>();
        var principal = engine.lookupUser(user);
        if (principal != null) {
            engine.listRoles(principal).forEach(r -> out.add(r.getName()));
        }
        return out;
    }
}
