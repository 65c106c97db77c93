package org.onewindow.scanning.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Set;
import java.util.stream.Stream;

import org.onewindow.db.PrivateFiles;
import org.onewindow.problem.Problem;
import org.onewindow.problem.ProblemKind;
import org.onewindow.problem.StorageFaults;

/**
 * Files stored by their SHA-256 under {@code <root>/ab/cd/<sha256>}: identical scans are kept once,
 * and a file is written whole to {@code tmp/} first, so a half file never appears under its name.
 * Citizens' papers: folders 0700, files 0600 (a temporary file is made 0600 by the JDK and keeps its
 * mode when it is moved to its place). A file and its folder are on the disk (fsync) before its row commits.
 */
final class ContentStore {
    private final Path root;
    private final Path tmp;

    ContentStore(Path root) {
        this.root = root;
        this.tmp = root.resolve("tmp");
        try {
            PrivateFiles.folder(root);
            PrivateFiles.folder(tmp);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file received into {@code tmp/}, not yet stored. */
    record Received(Path temp, String sha256, long size, byte[] head, int headLength) {
    }

    /** Copies {@code in} to a temporary file, hashing it; more than {@code maxBytes} is refused and nothing kept. */
    Received receive(InputStream in, long maxBytes) {
        Path temp = null;
        try {
            temp = Files.createTempFile(tmp, "upload-", ".part");
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] head = new byte[ContentTypes.HEAD];
            int headLength = 0;
            long size = 0;
            byte[] buf = new byte[65536];
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE); OutputStream out = Channels.newOutputStream(channel)) {
                for (int n; (n = in.read(buf)) >= 0;) {
                    if (headLength < head.length) {
                        int take = Math.min(n, head.length - headLength);
                        System.arraycopy(buf, 0, head, headLength, take);
                        headLength += take;
                    }
                    size += n;
                    if (size > maxBytes) {
                        throw new Problem(ProblemKind.PAYLOAD_TOO_LARGE, "PAYLOAD_TOO_LARGE", "文件超过上限 " + maxBytes + " 字节");
                    }
                    sha.update(buf, 0, n);
                    out.write(buf, 0, n);
                }
                // on the disk before it is moved to its place and its row commits: a power cut leaves no row naming an empty file
                channel.force(true);
            }
            return new Received(temp, HexFormat.of().formatHex(sha.digest()), size, head, headLength);
        } catch (IOException e) {
            discard(temp);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            discard(temp);
            throw e;
        } catch (NoSuchAlgorithmException e) {
            discard(temp);
            throw new IllegalStateException(e);
        }
    }

    /** Moves a received file to its place; true if it is new, false if the same bytes were already stored. */
    boolean keep(Received file) {
        Path target = path(file.sha256());
        try {
            if (Files.exists(target)) {
                Files.delete(file.temp());
                return false;
            }
            if (!Files.isDirectory(target.getParent())) {
                PrivateFiles.folder(target.getParent().getParent());
                PrivateFiles.folder(target.getParent());
            }
            try {
                Files.move(file.temp(), target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(file.temp(), target);
            }
            // the move itself is an entry of the folder: on the disk too before the row commits
            syncFolder(target.getParent());
            syncFolder(target.getParent().getParent());
            return true;
        } catch (FileAlreadyExistsException e) {
            discard(file.temp());
            return false;
        } catch (IOException e) {
            discard(file.temp());
            throw new UncheckedIOException(e);
        }
    }

    /** fsync of a folder, so that a file moved into it survives a power cut; not possible on every platform (Windows), where the move must do. */
    static void syncFolder(Path folder) throws IOException {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            if (StorageFaults.isFull(e)) {
                throw e;
            }
            // a folder cannot be opened for fsync here: nothing more can be done
        }
    }

    /**
     * Removes the stored files no row names and not changed for {@code minAge}: what a crash (kill -9, a power cut) left
     * between a file kept and its row committed. Only at start, before uploads are taken; the age spares a file whose
     * row is being written all the same. Returns how many were removed.
     */
    int removeOrphans(Set<String> named, Duration minAge, Instant now) {
        int removed = 0;
        try (Stream<Path> files = Files.walk(root, 3)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile).filter(p -> !p.getParent().equals(tmp))::iterator) {
                String name = file.getFileName().toString();
                if (named.contains(name) || !Files.getLastModifiedTime(file).toInstant().isBefore(now.minus(minAge))) {
                    continue;
                }
                Files.deleteIfExists(file);
                removed++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return removed;
    }

    Path path(String sha256) {
        return root.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
    }

    void delete(String sha256) {
        discard(path(sha256));
    }

    static void discard(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // nothing else can be done; the startup sweep of tmp/ removes leftovers
            }
        }
    }

    /** Removes uploads a crash left half-written. */
    void sweep() {
        try (var files = Files.list(tmp)) {
            files.forEach(ContentStore::discard);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
