package org.onewindow.backup.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * What one backup holds ({@code manifest.json} in its folder): the release, node role and district it was made of, when,
 * the journal's last number in the backed-up database, and every file with its SHA-256 and size: {@code files} inside
 * the backup's folder (the database copy under {@code derby/}, OneWindow's own files under {@code data/onewindow/},
 * {@code etc/}), {@code objects} the scanned files in the backup directory's shared store ({@code objects/ab/<sha256>}).
 * Its own checksum is {@code manifest.sha256} beside it, in {@code sha256sum}'s format, so that
 * {@code sha256sum -c manifest.sha256} checks it by hand. Read by the appliance and by {@code bin/onewindow-restore},
 * outside OSGi (Jackson only).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BackupManifest(int format, String name, String release, String role, String district, String startedAt,
        String finishedAt, long journalLastSeq, long cases, List<Entry> files, List<Entry> objects) {

    public static final String FILE = "manifest.json";
    public static final String CHECKSUM = "manifest.sha256";
    public static final int FORMAT = 1;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** One file: its path ({@code /}-separated, relative to the backup's folder, or to the backup directory for objects), digest, size, POSIX mode or null. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Entry(String path, String sha256, long size, String mode) {
    }

    /** Total bytes of the files and objects this backup names. */
    public long bytes() {
        return files.stream().mapToLong(Entry::size).sum() + objects.stream().mapToLong(Entry::size).sum();
    }

    /** Writes {@code manifest.json} and {@code manifest.sha256} into {@code folder}, each 0600 and on the disk. */
    public void write(Path folder) throws IOException {
        byte[] json = JSON.writeValueAsBytes(this);
        Durable.write(folder.resolve(FILE), json);
        Durable.write(folder.resolve(CHECKSUM), (Digests.sha256(json) + "  " + FILE + "\n").getBytes(StandardCharsets.US_ASCII));
    }

    /** Reads the manifest of {@code folder} after checking it against its checksum; a missing or changed one is refused. */
    public static BackupManifest read(Path folder) throws IOException {
        byte[] json;
        String recorded;
        try {
            json = Files.readAllBytes(folder.resolve(FILE));
            recorded = Files.readString(folder.resolve(CHECKSUM), StandardCharsets.US_ASCII).strip();
        } catch (NoSuchFileException e) {
            throw new DamagedBackup(folder.getFileName() + " is not a complete backup: " + e.getFile() + " is missing");
        }
        int space = recorded.indexOf(' ');
        String expected = space < 0 ? recorded : recorded.substring(0, space);
        if (!expected.equalsIgnoreCase(Digests.sha256(json))) {
            throw new DamagedBackup(FILE + " of " + folder.getFileName() + " does not match " + CHECKSUM + ": it was changed or damaged");
        }
        BackupManifest manifest = JSON.readValue(json, BackupManifest.class);
        if (manifest.format() != FORMAT) {
            throw new DamagedBackup(folder.getFileName() + " has manifest format " + manifest.format() + "; this release reads format " + FORMAT);
        }
        return manifest;
    }

    /** A backup that is not what its manifest says. */
    public static final class DamagedBackup extends IOException {
        private static final long serialVersionUID = 1L;

        public DamagedBackup(String message) {
            super(message);
        }
    }
}
