package org.onewindow.catalog;

import org.onewindow.problem.MultiLine;
import java.math.BigDecimal;
import java.util.List;

/**
 * One version of a catalog item; also the record of the JSON exchange format (an array of these).
 * In search results {@code materials} is left out.
 */
public class CatalogItemDTO {
    /** Unique item code, e.g. {@code GA-HJ-001}. */
    public String code;
    public String name;
    public DepartmentDTO department;
    public ItemKind kind;
    @MultiLine
    public String legalBasis;
    /** Conditions of application (申请条件). */
    @MultiLine
    public String conditions;
    /** Promised limit in working days (承诺时限); 0 means instant (即来即办). */
    public Integer timeLimitDays;
    /**
     * Statutory limit in working days (法定时限), the longest the law allows; the promise may not exceed it. Absent
     * in catalogs from before it was a field: then unknown, and shown as not given.
     */
    public Integer statutoryLimitDays;
    /** How the time limit may be extended (延期); absent means the art. 42 rule, {@link ExtensionRuleDTO#effective}. */
    public ExtensionRuleDTO extension;
    /** May be filed at any hall of the city (全市通办). */
    public Boolean crossDistrict;
    /** May be filed online. */
    public Boolean online;
    /** Fee in CNY, 0 if free. */
    public BigDecimal fee;
    public List<MaterialDTO> materials;
    /**
     * The licence type an approval of this item issues into the electronic licence library, if its
     * result is a licence (e.g. {@code FOOD_BUSINESS_LICENCE}); absent when the result is a decision only.
     */
    public String resultLicenceType;
    /**
     * Search keywords and synonyms (检索关键词), the words citizens and clerks use for the item besides its name
     * (营业执照 for 个体工商户设立登记, 户籍 for 户口迁入登记); optional, at most 20 of at most 20 characters each.
     * The search also finds them, and the name, by full pinyin and by initials.
     */
    public List<String> keywords;
    /**
     * The version, assigned by the catalog. In an import it is optional: when given, it must be
     * the current version the edit started from, or the import is refused as a conflict.
     */
    public Integer version;
}
