package org.onewindow.catalog.internal;

import java.sql.Connection;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;

import org.onewindow.audit.AuditEvent;
import org.onewindow.audit.AuditTrail;
import org.onewindow.catalog.ImportOutcome;
import org.onewindow.catalog.ImportResultDTO;

/**
 * Changes to the catalog go to the audit trail in the importing transaction: every import a person makes, and every
 * import of the appliance's own (the start-up files, the city's catalog pulled from the hub) that changed something.
 */
final class CatalogChanges {
    static final String IMPORTED = "CATALOG_IMPORT";
    static final String LICENCE_TYPES = "LICENCE_TYPES_IMPORT";
    private static final int CODES = 50;

    private CatalogChanges() {
    }

    static void imported(EntityManager em, AuditTrail trail, String actor, ImportResultDTO r) {
        if (r.created + r.newVersions == 0 && isSystem(actor)) {
            return;
        }
        String changed = r.items.stream().filter(i -> i.outcome != ImportOutcome.UNCHANGED).limit(CODES)
                .map(i -> i.code + " v" + i.version).collect(Collectors.joining(", "));
        trail.append(em.unwrap(Connection.class), AuditEvent.by(IMPORTED, actor).on("CATALOG", null)
                .detail(r.items.size() + " items: " + r.created + " created, " + r.newVersions + " new versions, " + r.unchanged + " unchanged"
                        + (changed.isEmpty() ? "" : " (" + changed + (r.created + r.newVersions > CODES ? ", ..." : "") + ")")));
    }

    static void licenceTypes(EntityManager em, AuditTrail trail, String actor, int given, int changed) {
        if (changed == 0 && isSystem(actor)) {
            return;
        }
        trail.append(em.unwrap(Connection.class), AuditEvent.by(LICENCE_TYPES, actor).on("CATALOG", "licence-types")
                .detail(given + " licence types given, " + changed + " added or changed"));
    }

    private static boolean isSystem(String actor) {
        return actor == null || actor.startsWith("system:");
    }
}
