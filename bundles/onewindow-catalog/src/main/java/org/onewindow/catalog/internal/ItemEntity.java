package org.onewindow.catalog.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import javax.persistence.CascadeType;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.OneToMany;
import javax.persistence.OrderBy;
import javax.persistence.Table;

import org.onewindow.catalog.CatalogItemDTO;
import org.onewindow.catalog.DepartmentDTO;
import org.onewindow.catalog.ExtensionRuleDTO;
import org.onewindow.catalog.ItemKind;

/** One version of a catalog item; private to this bundle, which speaks {@link CatalogItemDTO}. */
@Entity
@Table(name = "CATALOG_ITEM")
public class ItemEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    String code;

    @Column(name = "ITEM_VERSION")
    int version;

    @Column(name = "IS_CURRENT")
    boolean current;

    String name;

    @Column(name = "DEPT_CODE")
    String departmentCode;

    @Column(name = "DEPT_NAME")
    String departmentName;

    @Enumerated(EnumType.STRING)
    ItemKind kind;

    @Column(name = "LEGAL_BASIS")
    String legalBasis;

    String conditions;

    @Column(name = "TIME_LIMIT_DAYS")
    int timeLimitDays;

    @Column(name = "STATUTORY_LIMIT_DAYS")
    Integer statutoryLimitDays;

    /** The item's own extension rule; all three null when it names none. */
    @Column(name = "EXTENSION_TIMES")
    Integer extensionTimes;

    @Column(name = "EXTENSION_MAX_DAYS")
    Integer extensionMaxDays;

    @Column(name = "EXTENSION_BASIS")
    String extensionBasis;

    @Column(name = "CROSS_DISTRICT")
    boolean crossDistrict;

    @Column(name = "ONLINE_ALLOWED")
    boolean online;

    BigDecimal fee;

    @Column(name = "RESULT_LICENCE_TYPE")
    String resultLicenceType;

    /** The keywords, each once, separated by {@code |} (which a keyword may not hold). */
    String keywords;

    /** What the search matches, computed once for this version ({@link SearchText}). */
    @Column(name = "SEARCH_TEXT")
    String searchText;

    @Column(name = "CREATED_AT")
    Instant createdAt;

    @Column(name = "CREATED_BY")
    String createdBy;

    @OneToMany(mappedBy = "item", cascade = CascadeType.PERSIST)
    @OrderBy("position")
    List<MaterialEntity> materials = new ArrayList<>();

    /** A new version of an item from its (validated) exchange record; fees are kept to the fen. */
    static ItemEntity of(CatalogItemDTO dto, int version, String actor, Instant now) {
        ItemEntity e = new ItemEntity();
        e.code = dto.code;
        e.version = version;
        e.current = true;
        e.name = dto.name;
        e.departmentCode = dto.department.code;
        e.departmentName = dto.department.name;
        e.kind = dto.kind;
        e.legalBasis = dto.legalBasis;
        e.conditions = dto.conditions;
        e.timeLimitDays = dto.timeLimitDays;
        e.statutoryLimitDays = dto.statutoryLimitDays;
        if (dto.extension != null) {
            e.extensionTimes = dto.extension.times;
            e.extensionMaxDays = dto.extension.maxDays;
            e.extensionBasis = dto.extension.legalBasis;
        }
        e.crossDistrict = dto.crossDistrict;
        e.online = dto.online;
        e.fee = dto.fee.setScale(2, RoundingMode.UNNECESSARY);
        e.resultLicenceType = dto.resultLicenceType;
        List<String> words = keptKeywords(dto.keywords);
        e.keywords = words.isEmpty() ? null : String.join("|", words);
        e.searchText = SearchText.of(e.code, e.name, words);
        e.createdAt = now;
        e.createdBy = actor;
        for (int i = 0; i < dto.materials.size(); i++) {
            e.materials.add(MaterialEntity.of(e, i, dto.materials.get(i)));
        }
        return e;
    }

    CatalogItemDTO toDTO(boolean withMaterials) {
        CatalogItemDTO dto = new CatalogItemDTO();
        dto.code = code;
        dto.version = version;
        dto.name = name;
        dto.department = new DepartmentDTO();
        dto.department.code = departmentCode;
        dto.department.name = departmentName;
        dto.kind = kind;
        dto.legalBasis = legalBasis;
        dto.conditions = conditions;
        dto.timeLimitDays = timeLimitDays;
        dto.statutoryLimitDays = statutoryLimitDays;
        dto.extension = extensionTimes == null ? null : ExtensionRuleDTO.of(extensionTimes, extensionMaxDays, extensionBasis);
        dto.crossDistrict = crossDistrict;
        dto.online = online;
        dto.fee = fee;
        dto.resultLicenceType = resultLicenceType;
        dto.keywords = keywords == null ? null : List.of(keywords.split("\\|"));
        if (withMaterials) {
            dto.materials = new ArrayList<>();
            // by position whatever the fetch: a join fetch does not apply @OrderBy
            materials.stream().sorted(Comparator.comparingInt(m -> m.position)).forEach(m -> dto.materials.add(m.toDTO()));
        }
        return dto;
    }

    /** The search text of a version imported before it was kept; once, at start. */
    void fillSearchText() {
        searchText = SearchText.of(code, name, keywords == null ? List.of() : List.of(keywords.split("\\|")));
    }

    /** Keywords as kept: stripped, blanks dropped, each once. */
    static List<String> keptKeywords(List<String> keywords) {
        return keywords == null ? List.of()
                : keywords.stream().filter(k -> k != null && !k.isBlank()).map(String::strip).distinct().collect(Collectors.toList());
    }
}
