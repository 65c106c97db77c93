package org.onewindow.scanning;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.onewindow.security.Actor;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Scanned materials. Failures are {@link org.onewindow.problem.Problem}s: {@code CASE_NOT_FOUND},
 * {@code INVALID_FILE_NAME}, {@code UNSUPPORTED_FILE_TYPE}, {@code PAYLOAD_TOO_LARGE},
 * {@code TOO_MANY_FILES}, {@code CASE_CLOSED}, {@code SCAN_NOT_FOUND}, {@code FORBIDDEN}.
 */
@ProviderType
public interface ScanService {

    /** Stores files for a case, in order, all or nothing: one bad file refuses them all and leaves nothing behind. */
    List<ScanDTO> store(String caseNo, List<Upload> uploads, Actor actor);

    List<ScanDTO> list(String caseNo, Actor actor);

    /**
     * The case's files, in page order, to send on with the case (to a department's system, to another district):
     * empty when together they are more than {@code maxBytes}, since a case travels with all its files or not at all.
     */
    default Optional<List<ScanDTO>> listToSend(String caseNo, long maxBytes, Actor actor) {
        List<ScanDTO> scans = list(caseNo, actor);
        return scans.stream().mapToLong(s -> s.size).sum() > maxBytes ? Optional.empty() : Optional.of(scans);
    }

    /** A file's metadata; the read is audited. */
    ScanDTO get(String caseNo, long id, Actor actor);

    /** Where the bytes of a file are (read-only; content-addressed, shared by identical files). */
    Path content(ScanDTO scan);
}
