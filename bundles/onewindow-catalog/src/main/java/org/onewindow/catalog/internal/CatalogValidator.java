package org.onewindow.catalog.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.onewindow.catalog.CatalogItemDTO;
import org.onewindow.catalog.ExtensionRuleDTO;
import org.onewindow.catalog.LicenceTypeDTO;
import org.onewindow.catalog.MaterialDTO;
import org.onewindow.problem.ProblemDetail;

/** Checks items in the exchange format and lists every bad item and field, in file order. */
final class CatalogValidator {
    static final Pattern ITEM_CODE = Pattern.compile("[A-Z0-9][A-Z0-9_.-]{1,63}");
    static final Pattern DEPARTMENT_CODE = Pattern.compile("[A-Z0-9][A-Z0-9_.-]{0,31}");
    static final Pattern MATERIAL_CODE = Pattern.compile("[A-Z0-9][A-Z0-9_.-]{0,63}");
    static final Pattern LICENCE_TYPE = Pattern.compile("[A-Z][A-Z0-9_]{1,63}");
    static final int MAX_TIME_LIMIT_DAYS = 365;
    static final int MAX_VALIDITY_YEARS = 100;
    /** More extensions of one case than this is a slip in the file, not a law. */
    static final int MAX_EXTENSIONS = 9;
    static final BigDecimal MAX_FEE = new BigDecimal("9999999999.99");

    private CatalogValidator() {
    }

    /**
     * @param labels how each item is named in messages (its code, or its place in the file)
     */
    static List<ProblemDetail> validate(List<CatalogItemDTO> items, List<String> labels) {
        List<ProblemDetail> problems = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        Map<String, String> departmentNames = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            CatalogItemDTO item = items.get(i);
            String label = labels.get(i);
            if (item == null) {
                problems.add(new ProblemDetail(label, null, "事项不能为 null"));
                continue;
            }
            Checks c = new Checks(label, problems);
            if (c.pattern("code", item.code, ITEM_CODE, "事项编码须为 2-64 位大写字母、数字或 _.-") && !codes.add(item.code)) {
                c.fail("code", "事项编码在文件中重复");
            }
            c.text("name", item.name, 100);
            if (c.present("department", item.department)) {
                c.pattern("department.code", item.department.code, DEPARTMENT_CODE, "部门编码须为 1-32 位大写字母、数字或 _.-");
                if (c.text("department.name", item.department.name, 100) && item.department.code != null) {
                    String known = departmentNames.putIfAbsent(item.department.code, item.department.name);
                    if (known != null && !known.equals(item.department.name)) {
                        c.fail("department.name", "部门 " + item.department.code + " 在文件中有两个名称：" + known + "、" + item.department.name);
                    }
                }
            }
            c.present("kind", item.kind);
            c.text("legalBasis", item.legalBasis, 1000);
            c.text("conditions", item.conditions, 2000);
            if (c.present("timeLimitDays", item.timeLimitDays)
                    && (item.timeLimitDays < 0 || item.timeLimitDays > MAX_TIME_LIMIT_DAYS)) {
                c.fail("timeLimitDays", "承诺时限须在 0 到 " + MAX_TIME_LIMIT_DAYS + " 个工作日之间（0 为即来即办）");
            }
            statutoryLimit(item, c);
            if (item.extension != null) {
                extensionRule(item.extension, c);
            }
            c.present("crossDistrict", item.crossDistrict);
            c.present("online", item.online);
            if (c.present("fee", item.fee)
                    && (item.fee.signum() < 0 || item.fee.compareTo(MAX_FEE) > 0 || item.fee.stripTrailingZeros().scale() > 2)) {
                c.fail("fee", "收费须为 0 或正数，最多两位小数（单位：元）");
            }
            if (item.version != null && item.version < 1) {
                c.fail("version", "版本号须为正整数");
            }
            if (item.resultLicenceType != null) {
                c.pattern("resultLicenceType", item.resultLicenceType, LICENCE_TYPE, "证照类型须为大写字母、数字或 _，如 FOOD_BUSINESS_LICENCE");
            }
            validateKeywords(item.keywords, c);
            if (c.present("materials", item.materials)) {
                validateMaterials(item.materials, c);
            }
        }
        return problems;
    }

    /** 法定时限: optional (catalogs from before it was a field stay importable), and never shorter than the promise. */
    private static void statutoryLimit(CatalogItemDTO item, Checks c) {
        if (item.statutoryLimitDays == null) {
            return;
        }
        if (item.statutoryLimitDays < 0 || item.statutoryLimitDays > MAX_TIME_LIMIT_DAYS) {
            c.fail("statutoryLimitDays", "法定时限须在 0 到 " + MAX_TIME_LIMIT_DAYS + " 个工作日之间");
        } else if (item.timeLimitDays != null && item.timeLimitDays > item.statutoryLimitDays) {
            c.fail("timeLimitDays", "承诺时限 " + item.timeLimitDays + " 个工作日超过法定时限 " + item.statutoryLimitDays
                    + " 个工作日：承诺时限不得长于法定时限");
        }
    }

    /** An item's own extension rule: how often (0 forbids), how far each time, and the provision that says so. */
    private static void extensionRule(ExtensionRuleDTO rule, Checks c) {
        if (c.present("extension.times", rule.times) && (rule.times < 0 || rule.times > MAX_EXTENSIONS)) {
            c.fail("extension.times", "延期次数须在 0 到 " + MAX_EXTENSIONS + " 之间（0 为不得延期）");
        }
        if (rule.times != null && rule.times > 0 && c.present("extension.maxDays", rule.maxDays)
                && (rule.maxDays < 1 || rule.maxDays > MAX_TIME_LIMIT_DAYS)) {
            c.fail("extension.maxDays", "每次延期须在 1 到 " + MAX_TIME_LIMIT_DAYS + " 个工作日之间");
        }
        if (rule.times != null && rule.times == 0 && rule.maxDays != null) {
            c.fail("extension.maxDays", "不得延期（times 为 0）时请省略此字段");
        }
        c.text("extension.legalBasis", rule.legalBasis, 1000);
    }

    static final int MAX_KEYWORDS = 20;
    static final int MAX_KEYWORD_LENGTH = 20;

    /** Keywords are optional; each is a short word without {@code |} (the separator they are kept with). */
    private static void validateKeywords(List<String> keywords, Checks c) {
        if (keywords == null) {
            return;
        }
        if (keywords.size() > MAX_KEYWORDS) {
            c.fail("keywords", "检索关键词最多 " + MAX_KEYWORDS + " 个");
        }
        for (int k = 0; k < keywords.size(); k++) {
            String field = "keywords[" + k + "]";
            if (c.text(field, keywords.get(k), MAX_KEYWORD_LENGTH) && keywords.get(k).contains("|")) {
                c.fail(field, "检索关键词不能含 |");
            }
        }
    }

    /** Licence types named by the items (materials and results) that the catalog does not list. */
    static List<ProblemDetail> unknownLicenceTypes(List<CatalogItemDTO> items, List<String> labels, Set<String> known) {
        List<ProblemDetail> problems = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            CatalogItemDTO item = items.get(i);
            if (item.resultLicenceType != null && !known.contains(item.resultLicenceType)) {
                problems.add(new ProblemDetail(labels.get(i), "resultLicenceType", unknownType(item.resultLicenceType)));
            }
            for (int m = 0; m < item.materials.size(); m++) {
                String type = item.materials.get(m).licenceType;
                if (type != null && !known.contains(type)) {
                    problems.add(new ProblemDetail(labels.get(i), "materials[" + m + "].licenceType", unknownType(type)));
                }
            }
        }
        return problems;
    }

    private static String unknownType(String type) {
        return "证照类型 " + type + " 不在证照类型目录中（请先导入该类型）";
    }

    /** Checks licence types in the exchange format, labelled by code or place in the list. */
    static List<ProblemDetail> validateTypes(List<LicenceTypeDTO> types) {
        List<ProblemDetail> problems = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < types.size(); i++) {
            LicenceTypeDTO t = types.get(i);
            String label = t != null && t.code != null && !t.code.isBlank() ? t.code : "#" + (i + 1);
            Checks c = new Checks(label, problems);
            if (!c.present("licenceType", t)) {
                continue;
            }
            if (c.pattern("code", t.code, LICENCE_TYPE, "证照类型编码须为大写字母、数字或 _，如 RESIDENT_ID_CARD")
                    && !codes.add(t.code)) {
                c.fail("code", "证照类型编码在文件中重复");
            }
            c.text("name", t.name, 100);
            c.present("holderKind", t.holderKind);
            if (t.validityYears != null && (t.validityYears < 1 || t.validityYears > MAX_VALIDITY_YEARS)) {
                c.fail("validityYears", "有效期须为 1 到 " + MAX_VALIDITY_YEARS + " 年；长期有效请省略此字段");
            }
        }
        return problems;
    }

    private static void validateMaterials(List<MaterialDTO> materials, Checks c) {
        Set<String> codes = new HashSet<>();
        for (int m = 0; m < materials.size(); m++) {
            MaterialDTO material = materials.get(m);
            String at = "materials[" + m + "]";
            if (!c.present(at, material)) {
                continue;
            }
            if (c.pattern(at + ".code", material.code, MATERIAL_CODE, "材料编码须为 1-64 位大写字母、数字或 _.-")
                    && !codes.add(material.code)) {
                c.fail(at + ".code", "材料编码 " + material.code + " 在本事项中重复");
            }
            c.text(at + ".name", material.name, 200);
            c.present(at + ".required", material.required);
            // R3: a material without a legal basis may not be asked for
            c.text(at + ".legalBasis", material.legalBasis, 1000);
            if (material.licenceType != null && material.licenceType.isBlank()) {
                c.fail(at + ".licenceType", "不适用时请省略此字段，不要留空");
            } else if (material.licenceType != null) {
                c.pattern(at + ".licenceType", material.licenceType, LICENCE_TYPE, "证照类型须为大写字母、数字或 _，如 RESIDENT_ID_CARD");
            }
        }
    }

    /** Collects the problems of one item. */
    private static final class Checks {
        private final String label;
        private final List<ProblemDetail> problems;

        Checks(String label, List<ProblemDetail> problems) {
            this.label = label;
            this.problems = problems;
        }

        void fail(String field, String message) {
            problems.add(new ProblemDetail(label, field, message));
        }

        boolean present(String field, Object value) {
            if (value == null) {
                fail(field, "必填");
                return false;
            }
            return true;
        }

        boolean text(String field, String value, int maxLength) {
            if (value == null || value.isBlank()) {
                fail(field, "必填");
                return false;
            }
            if (value.length() > maxLength) {
                fail(field, "长度不能超过 " + maxLength + " 字");
                return false;
            }
            return true;
        }

        boolean pattern(String field, String value, Pattern pattern, String message) {
            if (value == null || value.isBlank()) {
                fail(field, "必填");
                return false;
            }
            if (!pattern.matcher(value).matches()) {
                fail(field, message + "（当前为 '" + value + "'）");
                return false;
            }
            return true;
        }
    }
}
