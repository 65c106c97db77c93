package org.onewindow.shell;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.onewindow.problem.Problem;

/**
 * What the shell's import commands share: reading the file named, and telling why an import was refused.
 * Commands give {@code System.out}: what they write to {@code System.err} never reaches an SSH client
 * ({@code bin/client}, district IT's terminal), so a refused import looked like nothing at all.
 */
public final class ImportFiles {
    /** Enough bad rows or items on a terminal; the rest are counted. */
    static final int SHOWN = 50;

    private ImportFiles() {
    }

    /** The bytes of {@code file}, or {@code null} after saying on {@code err} that there is no such file. */
    public static byte[] read(String file, PrintStream err) throws IOException {
        Path path = Paths.get(file);
        if (!Files.isRegularFile(path)) {
            err.println("No such file: " + path.toAbsolutePath());
            return null;
        }
        return Files.readAllBytes(path);
    }

    /** Says that nothing was changed, and why: every detail (up to {@value #SHOWN}), or the message when there are none. */
    public static void refused(Problem e, PrintStream err) {
        err.println("Refused [" + e.code() + "]: nothing was changed.");
        e.details().stream().limit(SHOWN).forEach(d -> err.println("  " + d));
        if (e.details().size() > SHOWN) {
            err.println("  ... and " + (e.details().size() - SHOWN) + " more");
        }
        if (e.details().isEmpty()) {
            err.println("  " + e.getMessage());
        }
    }
}
