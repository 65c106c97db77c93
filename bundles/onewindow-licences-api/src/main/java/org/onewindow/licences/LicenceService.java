package org.onewindow.licences;

import java.sql.Connection;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.onewindow.security.Actor;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The electronic licence library. Failures are {@link org.onewindow.problem.Problem}s:
 * {@code PURPOSE_REQUIRED}, {@code INVALID_ID_NUMBER}, {@code LICENCE_NOT_FOUND},
 * {@code LICENCE_TYPE_NOT_FOUND}, {@code LICENCE_EXISTS}, {@code LICENCES_INVALID} (an import, with
 * one detail per bad row), {@code CASE_NOT_FOUND}, {@code CASE_NOT_OF_HOLDER}, {@code ALREADY_REVOKED},
 * {@code FORBIDDEN}.
 */
@ProviderType
public interface LicenceService {

    /**
     * A holder's licences (all of them, with today's status) and reusable earlier materials, for
     * staff, tied to a case of that holder or a stated purpose; the read is logged.
     */
    PersonalCatalogDTO personalCatalog(String holderId, Purpose purpose, Actor actor);

    /** One licence by type and number, as it stands today; the read is logged against its holder. */
    LicenceDTO verify(String type, String number, Purpose purpose, Actor actor);

    /**
     * For intake: the holder's licences of the given types that may stand in for paper today
     * (valid, in force, the holder's own), the longest-lived per type. Logged as a read for the case.
     */
    default Map<String, LicenceDTO> usable(String holderId, Collection<String> types, String caseNo, Actor actor) {
        return usable(holderId, types, Purpose.forCase(caseNo), actor);
    }

    /**
     * The same as {@link #usable(String, Collection, String, Actor)} for a stated purpose, such as the
     * window showing what the library covers before a case is opened. Logged as a read.
     */
    Map<String, LicenceDTO> usable(String holderId, Collection<String> types, Purpose purpose, Actor actor);

    /**
     * Issues a licence inside the caller's open transaction: {@code transaction} is the caller's
     * connection, and the licence commits or rolls back with the caller's own changes (an approval
     * and its licence are one). {@code LICENCE_EXISTS} if the type and number are taken.
     */
    LicenceDTO issue(NewLicenceDTO licence, Connection transaction, String actor);

    /** Loads licences in bulk, all or nothing: any bad row refuses the whole file, naming every bad row. */
    LicenceImportDTO importLicences(List<NewLicenceDTO> rows, Actor actor);

    /** Revokes a licence at once: it is never reused again. For administrators and the issuing department's reviewers. */
    LicenceDTO revoke(String type, String number, String reason, Actor actor);

    /** The reads of a holder's licences, newest first: an audit trail, for the auditor alone. */
    List<AccessEntryDTO> accessLog(String holderId, int limit, Actor actor);
}
