package org.onewindow.intake.internal.window;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.aries.jpa.template.JpaTemplate;
import org.onewindow.audit.AuditTrail;
import org.onewindow.calendar.WorkingCalendar;
import org.onewindow.catalog.CatalogService;
import org.onewindow.db.ChangeJournal;
import org.onewindow.db.SchemaMigrations;
import org.onewindow.intake.CaseDTO;
import org.onewindow.intake.CaseLookupDTO;
import org.onewindow.intake.CasePage;
import org.onewindow.intake.CaseQuery;
import org.onewindow.intake.CaseStatus;
import org.onewindow.intake.IntakeService;
import org.onewindow.intake.IntakeStatisticsDTO;
import org.onewindow.intake.NewCaseDTO;
import org.onewindow.intake.PublicStatusDTO;
import org.onewindow.intake.ReuseDTO;
import org.onewindow.intake.TransitionDTO;
import org.onewindow.intake.internal.cases.CaseEntity;
import org.onewindow.intake.internal.cases.Cases;
import org.onewindow.intake.internal.cases.IntakeConfig;
import org.onewindow.intake.internal.cases.IntakeUnit;
import org.onewindow.intake.internal.cases.TimeLimits;
import org.onewindow.licences.LicenceService;
import org.onewindow.node.NodeService;
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
 * The comprehensive window on Derby through Aries JPA; every call is one transaction (or a refusal recorded in one of
 * its own and the call's). The schema is migrated here; the work is done by its parts: opening a case
 * ({@link CaseOpening}), its materials ({@link WindowMaterials}), the window's moves ({@link WindowMoves}, the hand-out
 * {@link HandOut}) and the reads ({@link CaseQueries}).
 */
@Component(service = {IntakeService.class, StatusContributor.class}, configurationPid = IntakeConfig.PID)
@Designate(ocd = IntakeConfig.class)
public class JpaIntakeService implements IntakeService, StatusContributor {
    private static final Logger LOG = LoggerFactory.getLogger(JpaIntakeService.class);

    @Reference(target = "(osgi.unit.name=onewindow-intake)")
    JpaTemplate jpa;

    @Reference
    ChangeJournal journal;

    @Reference
    AuditTrail trail;

    @Reference
    SchemaMigrations migrations;

    @Reference
    CatalogService catalog;

    @Reference
    NodeService node;

    @Reference
    WorkingCalendar calendar;

    /** The electronic licence library, when its feature is installed. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile LicenceService licences;

    private TimeLimits timeLimits;
    private int schemaVersion;
    /** The parts, made again with a changed configuration (the hall's zone, the days materials may be reused). */
    private volatile CaseOpening opening;
    private volatile WindowMaterials materials;
    private volatile WindowMoves moves;
    private volatile CaseQueries queries;

    @Activate
    void activate(BundleContext context, IntakeConfig config) {
        schemaVersion = migrations.migrate("intake", context.getBundle(), "db/migration/intake");
        CaseReads.moveOlderLog(jpa, trail);
        timeLimits = new TimeLimits(calendar);
        configure(config);
        backfillDeadlines();
    }

    @Modified
    void configure(IntakeConfig config) {
        ZoneId zone = ZoneId.of(config.zone());
        IntakeUnit unit = new IntakeUnit(jpa, journal);
        // read at each use: the library may come and go
        Supplier<LicenceService> library = () -> licences;
        WindowMaterials received = new WindowMaterials(unit, catalog, trail, library, zone, config.materialReuseDays());
        opening = new CaseOpening(unit, catalog, node, library, zone);
        materials = received;
        moves = new WindowMoves(unit, catalog, library, timeLimits, received, new HandOut(trail), zone);
        queries = new CaseQueries(unit, catalog, trail, node, zone);
    }

    /** Deadlines of cases accepted before they were kept (migration V4 gave them their acceptance day). */
    private void backfillDeadlines() {
        int n = Cases.tx(jpa, journal, em -> {
            List<CaseEntity> earlier = em.createQuery("SELECT c FROM CaseEntity c WHERE c.acceptedOn IS NOT NULL"
                    + " AND c.deadline IS NULL", CaseEntity.class).getResultList();
            earlier.forEach(timeLimits::backfill);
            return earlier.size();
        });
        if (n > 0) {
            LOG.info("Deadlines computed for {} cases accepted before time limits were kept", n);
        }
    }

    @Override
    public CaseDTO open(NewCaseDTO request, Actor actor) {
        return opening.open(request, actor);
    }

    @Override
    public CaseDTO receive(String caseNo, List<String> codes, Actor actor) {
        return materials.receive(caseNo, codes, actor);
    }

    @Override
    public CaseDTO reuse(String caseNo, ReuseDTO request, Actor actor) {
        return materials.reuse(caseNo, request, actor);
    }

    @Override
    public CaseDTO transition(String caseNo, TransitionDTO request, Actor actor) {
        return moves.transition(caseNo, request, actor);
    }

    @Override
    public PublicStatusDTO publicStatus(String caseNo, String idSuffix) {
        return queries.publicStatus(caseNo, idSuffix);
    }

    @Override
    public CaseDTO get(String caseNo, Actor actor) {
        return queries.get(caseNo, actor);
    }

    @Override
    public CaseStatus checkVisible(String caseNo, Actor actor) {
        return queries.checkVisible(caseNo, actor);
    }

    @Override
    public CasePage search(CaseQuery query, Actor actor) {
        return queries.search(query, actor);
    }

    @Override
    public CasePage lookUp(CaseLookupDTO lookup, Actor actor) {
        return queries.lookUp(lookup, actor);
    }

    @Override
    public String noticeHtml(String caseNo, Actor actor) {
        return queries.noticeHtml(caseNo, actor);
    }

    @Override
    public String receiptHtml(String caseNo, Actor actor) {
        return queries.receiptHtml(caseNo, actor);
    }

    @Override
    public IntakeStatisticsDTO statistics() {
        return queries.statistics();
    }

    @Override
    public String capability() {
        return "intake (综合窗口)";
    }

    @Override
    public Map<String, Object> status() {
        IntakeStatisticsDTO s = statistics();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("cases", s.cases);
        out.put("open cases", s.openCases);
        out.put("delivered", s.finished);
        out.put("one visit share", String.format("%.1f %%", 100 * s.oneVisitShare));
        out.put("repeat filings", s.repeatFilings);
        out.put("material violations", s.materialViolations);
        out.put("handovers waiting", queries.handoversWaiting());
        out.put("schema version", schemaVersion);
        return out;
    }
}
