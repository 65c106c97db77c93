package org.onewindow.licences.internal;

import java.sql.Connection;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.onewindow.audit.AuditTrail;
import org.onewindow.catalog.CatalogService;
import org.onewindow.db.ChangeJournal;
import org.onewindow.db.SchemaMigrations;
import org.onewindow.db.Transactions;
import org.onewindow.licences.AccessEntryDTO;
import org.onewindow.licences.CaseRecords;
import org.onewindow.licences.CityLicences;
import org.onewindow.licences.LicenceDTO;
import org.onewindow.licences.LicenceImportDTO;
import org.onewindow.licences.LicenceService;
import org.onewindow.licences.LicenceStatus;
import org.onewindow.licences.NewLicenceDTO;
import org.onewindow.licences.PersonalCatalogDTO;
import org.onewindow.licences.Purpose;
import org.onewindow.node.StatusContributor;
import org.onewindow.security.Actor;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The licence library on Derby: reads through JPA ({@link LicenceLookups}), writes through {@link LicenceRows}
 * ({@link LicenceWrites}); every call is one transaction.
 */
@Component(service = {LicenceService.class, StatusContributor.class}, configurationPid = LicencesConfig.PID)
@Designate(ocd = LicencesConfig.class)
public class JpaLicenceService implements LicenceService, StatusContributor {
    private static final Logger LOG = LoggerFactory.getLogger(JpaLicenceService.class);
    private static final int MAX_LOG = 1000;

    @Reference(target = "(osgi.unit.name=onewindow-licences)")
    JpaTemplate jpa;

    @Reference
    SchemaMigrations migrations;

    @Reference
    ChangeJournal journal;

    @Reference
    AuditTrail trail;

    @Reference
    CatalogService catalog;

    /** The intake, when installed: checks that a case-tied read concerns that case, and lists earlier materials. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile CaseRecords cases;

    /** The citywide library at the hub, while this district is federated (replication installed). */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile CityLicences city;

    private volatile ZoneId zone;
    private LicenceTypes types;
    private volatile LicenceLookups lookups;
    private volatile LicenceWrites writes;
    private int schemaVersion;

    @Activate
    void activate(BundleContext context, LicencesConfig config) {
        schemaVersion = migrations.migrate("licences", context.getBundle(), "db/migration/licences");
        int moved = tx(em -> LicenceReads.moveOlderLog(em, trail));
        if (moved > 0) {
            LOG.info("{} reads of licences moved from LICENCE_ACCESS into the audit trail", moved);
        }
        types = new LicenceTypes(catalog);
        configure(config);
    }

    @Modified
    void configure(LicencesConfig config) {
        zone = ZoneId.of(config.zone());
        lookups = new LicenceLookups(jpa, trail, types, () -> cases, () -> city, zone, config.recentAccessShown());
        writes = new LicenceWrites(jpa, journal, types, zone, config.maxImportRows());
    }

    @Override
    public PersonalCatalogDTO personalCatalog(String holderId, Purpose why, Actor actor) {
        return lookups.personalCatalog(holderId, why, actor);
    }

    @Override
    public LicenceDTO verify(String type, String number, Purpose why, Actor actor) {
        return lookups.verify(type, number, why, actor);
    }

    @Override
    public Map<String, LicenceDTO> usable(String holderId, Collection<String> types, Purpose why, Actor actor) {
        return lookups.usable(holderId, types, why, actor);
    }

    @Override
    public LicenceDTO issue(NewLicenceDTO licence, Connection transaction, String actor) {
        return writes.issue(licence, transaction, actor);
    }

    @Override
    public LicenceImportDTO importLicences(List<NewLicenceDTO> rows, Actor actor) {
        return writes.importLicences(rows, actor);
    }

    @Override
    public LicenceDTO revoke(String type, String number, String reason, Actor actor) {
        return writes.revoke(type, number, reason, actor);
    }

    @Override
    public List<AccessEntryDTO> accessLog(String holderId, int limit, Actor actor) {
        // an audit trail: read by the auditor alone (三员分立), not by those whose reads it records
        actor.requireAny(Set.of(Actor.AUDITOR));
        return LicenceReads.of(trail, LicenceLookups.holder(holderId), Math.max(1, Math.min(limit, MAX_LOG)));
    }

    @Override
    public String capability() {
        return "licences (电子证照库)";
    }

    @Override
    public Map<String, Object> status() {
        LocalDate today = LocalDate.now(zone);
        return tx(em -> {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("licences", em.createQuery("SELECT COUNT(l) FROM LicenceEntity l", Long.class).getSingleResult());
            s.put("revoked", em.createQuery("SELECT COUNT(l) FROM LicenceEntity l WHERE l.status = :r", Long.class)
                    .setParameter("r", LicenceStatus.REVOKED).getSingleResult());
            s.put("expired", em.createQuery("SELECT COUNT(l) FROM LicenceEntity l WHERE l.status = :v AND l.validTo < :today",
                    Long.class).setParameter("v", LicenceStatus.VALID).setParameter("today", today).getSingleResult());
            s.put("schema version", schemaVersion);
            return s;
        });
    }

    private <R> R tx(Function<EntityManager, R> work) {
        return Transactions.required(jpa, work);
    }
}
