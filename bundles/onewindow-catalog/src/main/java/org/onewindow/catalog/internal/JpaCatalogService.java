package org.onewindow.catalog.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;
import javax.persistence.PersistenceException;
import javax.persistence.TypedQuery;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.onewindow.audit.AuditTrail;
import org.onewindow.catalog.CatalogItemDTO;
import org.onewindow.catalog.CatalogPage;
import org.onewindow.catalog.CatalogQuery;
import org.onewindow.catalog.CatalogService;
import org.onewindow.catalog.DepartmentDTO;
import org.onewindow.catalog.ImportOutcome;
import org.onewindow.catalog.ImportResultDTO;
import org.onewindow.catalog.ImportedItemDTO;
import org.onewindow.catalog.LicenceTypeDTO;
import org.onewindow.db.DbFailures;
import org.onewindow.db.SchemaMigrations;
import org.onewindow.db.jpa.InstantColumns;
import org.onewindow.node.NodeService;
import org.onewindow.node.StatusContributor;
import org.onewindow.problem.Problem;
import org.onewindow.problem.ProblemKind;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The catalog on Derby through Aries JPA; every call is one transaction. The service is registered
 * only once its tables are migrated and an empty catalog has been filled, so whoever sees it sees data.
 */
@Component(service = {CatalogService.class, StatusContributor.class}, configurationPid = CatalogConfig.PID)
@Designate(ocd = CatalogConfig.class)
public class JpaCatalogService implements CatalogService, StatusContributor {
    private static final Logger LOG = LoggerFactory.getLogger(JpaCatalogService.class);
    static final String MODULE = "catalog";

    @Reference(target = "(osgi.unit.name=onewindow-catalog)")
    JpaTemplate jpa;

    @Reference
    SchemaMigrations migrations;

    @Reference
    NodeService node;

    @Reference
    AuditTrail trail;

    private final CurrentItems current = new CurrentItems();

    private int schemaVersion;

    @Activate
    void activate(BundleContext context, CatalogConfig config) {
        // the tables must be in place before the first query
        schemaVersion = migrations.migrate(MODULE, context.getBundle(), "db/migration/catalog");
        fillSearchTexts();
        InitialCatalog.fill(this, InitialCatalog.directory(config), node.info().demo);
    }

    /** Item versions imported before the search text was kept (migration V5) get theirs, once. */
    private void fillSearchTexts() {
        int filled = jpa.txExpr(TransactionType.Required, em -> {
            List<ItemEntity> without = em.createQuery("SELECT i FROM ItemEntity i WHERE i.searchText IS NULL", ItemEntity.class)
                    .getResultList();
            without.forEach(ItemEntity::fillSearchText);
            return without.size();
        });
        if (filled > 0) {
            LOG.info("Search text (keywords, pinyin) computed for {} catalog item versions", filled);
        }
    }

    @Override
    public CatalogPage search(CatalogQuery query) {
        SearchCriteria criteria = SearchCriteria.of(query);
        return read(em -> {
            String where = " WHERE i.current = TRUE"
                    // the search text holds code, name, keywords and their pinyin (SearchText), made at import
                    + (criteria.pattern() == null ? "" : " AND (LOWER(i.name) LIKE :q ESCAPE '\\' OR LOWER(i.code) LIKE :q ESCAPE '\\'"
                            + " OR i.searchText LIKE :k ESCAPE '\\')")
                    + (criteria.department() == null ? "" : " AND i.departmentCode = :dept");
            TypedQuery<ItemEntity> rows = em.createQuery("SELECT i FROM ItemEntity i" + where + " ORDER BY i.code", ItemEntity.class);
            TypedQuery<Long> count = em.createQuery("SELECT COUNT(i) FROM ItemEntity i" + where, Long.class);
            if (criteria.pattern() != null) {
                rows.setParameter("q", criteria.pattern());
                count.setParameter("q", criteria.pattern());
                rows.setParameter("k", criteria.compactPattern());
                count.setParameter("k", criteria.compactPattern());
            }
            if (criteria.department() != null) {
                rows.setParameter("dept", criteria.department());
                count.setParameter("dept", criteria.department());
            }
            CatalogPage page = new CatalogPage();
            page.page = criteria.page();
            page.size = criteria.size();
            page.total = count.getSingleResult();
            page.items = rows.setFirstResult(criteria.firstRow()).setMaxResults(criteria.size()).getResultList()
                    .stream().map(e -> e.toDTO(false)).collect(Collectors.toList());
            return page;
        });
    }

    @Override
    public CatalogItemDTO get(String code) {
        return code == null ? load(null) : current.get(code, this::load);
    }

    private CatalogItemDTO load(String code) {
        return read(em -> em.createQuery("SELECT i FROM ItemEntity i WHERE i.current = TRUE AND i.code = :code", ItemEntity.class)
                .setParameter("code", code).setHint(READ_ONLY, "True").getResultList().stream().findFirst()
                .orElseThrow(() -> itemNotFound(code))
                .toDTO(true));
    }

    @Override
    public CatalogItemDTO get(String code, int version) {
        return read(em -> em.createQuery("SELECT i FROM ItemEntity i WHERE i.code = :code AND i.version = :version", ItemEntity.class)
                .setParameter("code", code).setParameter("version", version).setHint(READ_ONLY, "True").getResultList().stream().findFirst()
                .orElseThrow(() -> versions(em, code).isEmpty()
                        ? itemNotFound(code)
                        : Problem.notFound("VERSION_NOT_FOUND", "事项 " + code + " 没有第 " + version + " 版"))
                .toDTO(true));
    }

    @Override
    public List<Integer> versions(String code) {
        List<Integer> versions = read(em -> versions(em, code));
        if (versions.isEmpty()) {
            throw itemNotFound(code);
        }
        return versions;
    }

    @Override
    public List<DepartmentDTO> departments() {
        return read(em -> em.createQuery("SELECT DISTINCT i.departmentCode, i.departmentName FROM ItemEntity i"
                + " WHERE i.current = TRUE ORDER BY i.departmentCode", Object[].class).getResultList().stream().map(row -> {
                    DepartmentDTO d = new DepartmentDTO();
                    d.code = (String) row[0];
                    d.name = (String) row[1];
                    return d;
                }).collect(Collectors.toList()));
    }

    @Override
    public synchronized ImportResultDTO importItems(List<CatalogItemDTO> items, String actor) {
        List<String> labels = checked(items);
        try {
            ImportResultDTO result;
            try {
                result = jpa.txExpr(TransactionType.Required, em -> {
                    ImportResultDTO done = apply(em, items, labels, actor);
                    CatalogChanges.imported(em, trail, actor, done);
                    return done;
                });
            } finally {
                current.clear();
            }
            LOG.info("Catalog import by {}: {} created, {} new versions, {} unchanged", actor, result.created,
                    result.newVersions, result.unchanged);
            return result;
        } catch (PersistenceException e) {
            if (!DbFailures.isUniqueViolation(e)) {
                throw e;
            }
            // another writer got in between (unique code and version): nothing of this import was kept
            throw new Problem(ProblemKind.CONFLICT, "CATALOG_CONCURRENT_UPDATE", "事项目录同时被另一次导入修改，本次导入未生效，请重试");
        }
    }

    @Override
    public ImportResultDTO previewImport(List<CatalogItemDTO> items) {
        List<String> labels = checked(items);
        return read(em -> {
            ImportResultDTO result = new ImportResultDTO();
            result.items = new ArrayList<>();
            plan(em, items, labels, new HashMap<>()).steps.forEach(step -> count(result, step));
            return result;
        });
    }

    /** The labels of valid items (code, or place in the file); a problem naming every bad item otherwise. */
    private static List<String> checked(List<CatalogItemDTO> items) {
        if (items == null || items.isEmpty()) {
            throw Problem.badRequest("CATALOG_EMPTY", "没有要导入的事项");
        }
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            CatalogItemDTO item = items.get(i);
            labels.add(item != null && item.code != null && !item.code.isBlank() ? item.code : "#" + (i + 1));
        }
        var problems = CatalogValidator.validate(items, labels);
        if (!problems.isEmpty()) {
            throw CatalogJson.invalid(problems);
        }
        return labels;
    }

    private ImportResultDTO apply(EntityManager em, List<CatalogItemDTO> items, List<String> labels, String actor) {
        Map<String, ItemEntity> current = new HashMap<>();
        ImportPlan plan = plan(em, items, labels, current);
        Instant now = InstantColumns.now();
        ImportResultDTO result = new ImportResultDTO();
        result.items = new ArrayList<>();
        for (ImportPlan.Step step : plan.steps) {
            if (step.outcome() == ImportOutcome.NEW_VERSION) {
                current.get(step.item().code).current = false;
            }
            if (step.outcome() != ImportOutcome.UNCHANGED) {
                em.persist(ItemEntity.of(step.item(), step.version(), actor, now));
            }
            count(result, step);
        }
        return result;
    }

    private static void count(ImportResultDTO result, ImportPlan.Step step) {
        ImportedItemDTO done = new ImportedItemDTO();
        done.code = step.item().code;
        done.version = step.version();
        done.outcome = step.outcome();
        result.items.add(done);
        result.created += step.outcome() == ImportOutcome.CREATED ? 1 : 0;
        result.newVersions += step.outcome() == ImportOutcome.NEW_VERSION ? 1 : 0;
        result.unchanged += step.outcome() == ImportOutcome.UNCHANGED ? 1 : 0;
    }

    /** What an import would do, or the problem that refuses it; {@code current} gets the current versions it touches. */
    private static ImportPlan plan(EntityManager em, List<CatalogItemDTO> items, List<String> labels, Map<String, ItemEntity> current) {
        Set<String> knownTypes = new HashSet<>(em.createQuery("SELECT t.code FROM LicenceTypeEntity t", String.class).getResultList());
        var unknown = CatalogValidator.unknownLicenceTypes(items, labels, knownTypes);
        if (!unknown.isEmpty()) {
            throw CatalogJson.invalid(unknown);
        }
        for (ItemEntity e : current(em, items.stream().map(i -> i.code).collect(Collectors.toList()))) {
            current.put(e.code, e);
        }
        Map<String, CatalogItemDTO> currentDtos = new LinkedHashMap<>();
        current.forEach((code, e) -> currentDtos.put(code, e.toDTO(true)));
        ImportPlan plan = ImportPlan.of(items, currentDtos);
        if (!plan.conflicts.isEmpty()) {
            throw new Problem(ProblemKind.CONFLICT, "CATALOG_VERSION_CONFLICT", "导入被拒绝，未做任何修改：" + plan.conflicts.size()
                    + " 个事项已被他人更新（" + plan.conflicts.stream().map(p -> p.item).collect(Collectors.joining("、")) + "）",
                    plan.conflicts);
        }
        return plan;
    }

    @Override
    public List<LicenceTypeDTO> licenceTypes() {
        return read(em -> em.createQuery("SELECT t FROM LicenceTypeEntity t ORDER BY t.code", LicenceTypeEntity.class)
                .getResultList().stream().map(LicenceTypeEntity::toDTO).collect(Collectors.toList()));
    }

    @Override
    public LicenceTypeDTO licenceType(String code) {
        LicenceTypeEntity type = code == null ? null : read(em -> em.find(LicenceTypeEntity.class, code));
        if (type == null) {
            throw Problem.notFound("LICENCE_TYPE_NOT_FOUND", "证照类型目录中没有 " + code);
        }
        return type.toDTO();
    }

    @Override
    public synchronized int importLicenceTypes(List<LicenceTypeDTO> types, String actor) {
        if (types == null || types.isEmpty()) {
            throw Problem.badRequest("LICENCE_TYPES_INVALID", "没有要导入的证照类型");
        }
        var problems = CatalogValidator.validateTypes(types);
        if (!problems.isEmpty()) {
            throw new Problem(ProblemKind.BAD_REQUEST, "LICENCE_TYPES_INVALID", "导入被拒绝，未做任何修改：" + problems.size()
                    + " 处错误：" + problems.stream().limit(5).map(Object::toString).collect(Collectors.joining("；")), problems);
        }
        int changed = jpa.txExpr(TransactionType.Required, em -> {
            Instant now = InstantColumns.now();
            int n = 0;
            for (LicenceTypeDTO dto : types) {
                LicenceTypeEntity e = em.find(LicenceTypeEntity.class, dto.code);
                if (e == null) {
                    e = new LicenceTypeEntity();
                    e.code = dto.code;
                    e.update(dto, actor, now);
                    em.persist(e);
                    n++;
                } else if (e.update(dto, actor, now)) {
                    n++;
                }
            }
            CatalogChanges.licenceTypes(em, trail, actor, types.size(), n);
            return n;
        });
        LOG.info("Licence types imported by {}: {} of {} added or changed", actor, changed, types.size());
        return changed;
    }

    @Override
    public List<CatalogItemDTO> export() {
        // one query for items and materials (a batch-read hint left cached items without their materials)
        return read(em -> em.createQuery("SELECT DISTINCT i FROM ItemEntity i LEFT JOIN FETCH i.materials"
                + " WHERE i.current = TRUE ORDER BY i.code", ItemEntity.class)
                .getResultList().stream().map(e -> e.toDTO(true)).collect(Collectors.toList()));
    }

    @Override
    public long count() {
        return read(em -> em.createQuery("SELECT COUNT(i) FROM ItemEntity i WHERE i.current = TRUE", Long.class).getSingleResult());
    }

    @Override
    public String capability() {
        return "catalog (事项目录)";
    }

    @Override
    public Map<String, Object> status() {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("items", count());
        status.put("departments", departments().size());
        status.put("licence types", read(em -> em.createQuery("SELECT COUNT(t) FROM LicenceTypeEntity t", Long.class).getSingleResult()));
        status.put("item versions", read(em -> em.createQuery("SELECT COUNT(i) FROM ItemEntity i", Long.class).getSingleResult()));
        status.put("schema version", schemaVersion);
        return status;
    }

    private static Problem itemNotFound(String code) {
        return Problem.notFound("ITEM_NOT_FOUND", "目录中没有事项 " + code);
    }

    /**
     * EclipseLink's read-only query hint: items read to become DTOs are not registered in the unit of
     * work, so that concurrent readers of one item (every window and booking asks for it) do not queue
     * on its cache lock.
     */
    private static final String READ_ONLY = "eclipselink.read-only";

    private static List<ItemEntity> current(EntityManager em, List<String> codes) {
        if (codes.isEmpty()) {
            return List.of();
        }
        return em.createQuery("SELECT i FROM ItemEntity i WHERE i.current = TRUE AND i.code IN :codes", ItemEntity.class)
                .setParameter("codes", codes).getResultList();
    }

    private static List<Integer> versions(EntityManager em, String code) {
        return em.createQuery("SELECT i.version FROM ItemEntity i WHERE i.code = :code ORDER BY i.version", Integer.class)
                .setParameter("code", code).getResultList();
    }

    /** Reads run in a transaction too: a RESOURCE_LOCAL unit supports only REQUIRED. */
    private <R> R read(java.util.function.Function<EntityManager, R> query) {
        return jpa.txExpr(TransactionType.Required, query::apply);
    }
}
