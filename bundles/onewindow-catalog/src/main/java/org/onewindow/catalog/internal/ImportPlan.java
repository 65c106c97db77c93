package org.onewindow.catalog.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.onewindow.catalog.CatalogItemDTO;
import org.onewindow.catalog.ExtensionRuleDTO;
import org.onewindow.catalog.ImportOutcome;
import org.onewindow.catalog.MaterialDTO;
import org.onewindow.problem.ProblemDetail;

/** Decides, item by item, what an import does to the catalog: the versioning rules in one place. */
final class ImportPlan {

    /** One decided item. */
    record Step(CatalogItemDTO item, ImportOutcome outcome, int version) {
    }

    final List<Step> steps = new ArrayList<>();
    final List<ProblemDetail> conflicts = new ArrayList<>();

    /**
     * @param current the current version of each item already in the catalog, by code
     */
    static ImportPlan of(List<CatalogItemDTO> items, Map<String, CatalogItemDTO> current) {
        ImportPlan plan = new ImportPlan();
        for (CatalogItemDTO item : items) {
            CatalogItemDTO existing = current.get(item.code);
            if (existing == null) {
                plan.steps.add(new Step(item, ImportOutcome.CREATED, 1));
            } else if (sameContent(item, existing)) {
                // importing what is already current is harmless, whatever version the file names
                plan.steps.add(new Step(item, ImportOutcome.UNCHANGED, existing.version));
            } else if (item.version != null && !item.version.equals(existing.version)) {
                plan.conflicts.add(new ProblemDetail(item.code, "version", "文件基于第 " + item.version
                        + " 版编辑，但目录当前已是第 " + existing.version + " 版；请基于当前版本重新导出后修改"));
            } else {
                plan.steps.add(new Step(item, ImportOutcome.NEW_VERSION, existing.version + 1));
            }
        }
        return plan;
    }

    /** Whether two records say the same thing, whatever their versions. */
    static boolean sameContent(CatalogItemDTO a, CatalogItemDTO b) {
        return Objects.equals(a.code, b.code)
                && Objects.equals(a.name, b.name)
                && Objects.equals(a.department.code, b.department.code)
                && Objects.equals(a.department.name, b.department.name)
                && a.kind == b.kind
                && Objects.equals(a.legalBasis, b.legalBasis)
                && Objects.equals(a.conditions, b.conditions)
                && Objects.equals(a.timeLimitDays, b.timeLimitDays)
                && Objects.equals(a.statutoryLimitDays, b.statutoryLimitDays)
                && sameExtension(a.extension, b.extension)
                && Objects.equals(a.crossDistrict, b.crossDistrict)
                && Objects.equals(a.online, b.online)
                && sameAmount(a.fee, b.fee)
                && Objects.equals(a.resultLicenceType, b.resultLicenceType)
                && ItemEntity.keptKeywords(a.keywords).equals(ItemEntity.keptKeywords(b.keywords))
                && sameMaterials(a.materials, b.materials);
    }

    private static boolean sameExtension(ExtensionRuleDTO a, ExtensionRuleDTO b) {
        if (a == null || b == null) {
            return a == b;
        }
        return Objects.equals(a.times, b.times) && Objects.equals(a.maxDays, b.maxDays) && Objects.equals(a.legalBasis, b.legalBasis);
    }

    private static boolean sameAmount(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static boolean sameMaterials(List<MaterialDTO> a, List<MaterialDTO> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            MaterialDTO x = a.get(i);
            MaterialDTO y = b.get(i);
            if (!Objects.equals(x.code, y.code) || !Objects.equals(x.name, y.name) || !Objects.equals(x.required, y.required)
                    || !Objects.equals(x.legalBasis, y.legalBasis) || !Objects.equals(x.licenceType, y.licenceType)
                    || Boolean.TRUE.equals(x.deficiencyAllowed) != Boolean.TRUE.equals(y.deficiencyAllowed)) {
                return false;
            }
        }
        return true;
    }
}
