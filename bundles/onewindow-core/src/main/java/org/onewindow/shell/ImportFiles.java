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

    /** What an import command does with the file's bytes; {@code name} is the file's name, for what it prints. */
    @FunctionalInterface
    public interface Loader {
        void load(byte[] content, Path name) throws IOException;
    }

    /**
     * Reads {@code file} and hands it to {@code loader}. A missing file, or an import refused with a
     * {@link Problem} (which changed nothing), is told on {@code out} with the reason.
     */
    public static void load(String file, PrintStream out, Loader loader) throws IOException {
        Path path = Paths.get(file);
        if (!Files.isRegularFile(path)) {
            out.println("No such file: " + path.toAbsolutePath());
            return;
        }
        try {
            loader.load(Files.readAllBytes(path), path.getFileName());
        } catch (Problem e) {
            refused(e, out);
        }
    }

    /** Says that nothing was changed, and why: every detail (up to {@value #SHOWN}), or the message when there are none. */
    static void refused(Problem e, PrintStream err) {
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
