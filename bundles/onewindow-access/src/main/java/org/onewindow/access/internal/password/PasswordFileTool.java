package org.onewindow.access.internal.password;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.onewindow.problem.Problem;

/**
 * {@code bin/onewindow-admin-password}: sets the password of one of the appliance's system accounts in
 * a realm's users file while the appliance is stopped or running, hashed as the realm hashes
 * (bcrypt, cost 10, base64 between {@code {CRYPT}} markers), the file written whole and {@code 0600}.
 * Runs outside OSGi, on the JDK and BouncyCastle alone, so that no plain password ever touches the disk.
 * <pre>java -cp onewindow-access.jar:bcprov.jar ...PasswordFileTool FILE USER ROLE[,ROLE...]</pre>
 * The password comes from {@code ONEWINDOW_ADMIN_PASSWORD}, or is asked for twice.
 */
public final class PasswordFileTool {
    private static final PasswordPolicy POLICY = new PasswordPolicy(10, 3, 0, Duration.ZERO);

    private PasswordFileTool() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: PasswordFileTool FILE USER ROLE[,ROLE...]");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        String user = args[1];
        char[] password = password(user);
        try {
            POLICY.check(user, new String(password));
        } catch (Problem weak) {
            System.err.println(weak.getMessage() + "; nothing changed.");
            System.exit(1);
        }
        write(file, user, entry(password, args[2]));
        Arrays.fill(password, '\0');
        System.out.println("Password of " + user + " set in " + file + " (bcrypt; the file is readable by its owner only).");
    }

    /** The users file's value: the bcrypt hash as Karaf's spring-security-crypto encryption writes it, then the roles. */
    static String entry(char[] password, String roles) {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        String bcrypt = OpenBSDBCrypt.generate("2a", password, salt, 10);
        return "{CRYPT}" + Base64.getEncoder().encodeToString(bcrypt.getBytes(StandardCharsets.US_ASCII)) + "{CRYPT}," + roles;
    }

    /** Replaces the user's line (or adds it), keeping every other line; written to a 0600 file beside it, then moved over it. */
    static void write(Path file, String user, String entry) throws IOException {
        List<String> lines = Files.exists(file) ? Files.readAllLines(file, StandardCharsets.ISO_8859_1) : new ArrayList<>();
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            if (!line.matches("\\s*" + java.util.regex.Pattern.quote(user) + "\\s*[=:].*")) {
                out.add(line);
            }
        }
        out.add(user + " = " + entry);
        Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".users", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.write(tmp, out, StandardCharsets.ISO_8859_1);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static char[] password(String user) throws IOException {
        String given = System.getenv("ONEWINDOW_ADMIN_PASSWORD");
        if (given != null && !given.isEmpty()) {
            return given.toCharArray();
        }
        Console console = System.console();
        if (console == null) {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line = in.readLine();
            return line == null ? new char[0] : line.toCharArray();
        }
        char[] first = console.readPassword("New password for %s (at least 10 characters of 3 kinds): ", user);
        char[] again = console.readPassword("Again: ");
        if (first == null || !Arrays.equals(first, again)) {
            System.err.println("The passwords differ; nothing changed.");
            System.exit(1);
        }
        return first;
    }
}
