package org.onewindow.intake.internal.cases;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.onewindow.catalog.MaterialDTO;
import org.onewindow.intake.CaseMaterialDTO;

/** Checks received materials against the pinned catalog version: what is missing, what was never allowed. */
public final class Completeness {
    private Completeness() {
    }

    /** Every catalog material, marked received or not, in catalog order. */
    static List<CaseMaterialDTO> materials(List<MaterialDTO> catalog, Set<String> received) {
        return materials(catalog, received, Set.of());
    }

    /** As {@link #materials(List, Set)}, marking those the case was accepted without. */
    static List<CaseMaterialDTO> materials(List<MaterialDTO> catalog, Set<String> received, Set<String> owed) {
        List<CaseMaterialDTO> out = new ArrayList<>();
        for (MaterialDTO m : catalog) {
            CaseMaterialDTO dto = new CaseMaterialDTO();
            dto.code = m.code;
            dto.name = m.name;
            dto.required = Boolean.TRUE.equals(m.required);
            dto.legalBasis = m.legalBasis;
            dto.received = received.contains(m.code);
            dto.deficiencyAllowed = Boolean.TRUE.equals(m.deficiencyAllowed);
            dto.owed = owed.contains(m.code) && !dto.received;
            dto.licenceType = m.licenceType;
            out.add(dto);
        }
        return out;
    }

    /** The required materials not received: all at once, for the one-time notice. */
    static List<CaseMaterialDTO> missing(List<CaseMaterialDTO> materials) {
        return materials.stream().filter(m -> m.required && !m.received).collect(Collectors.toList());
    }

    /**
     * What still stops acceptance: missing materials, less those the clerk accepts without
     * (容缺受理) where the catalog allows it.
     */
    public static List<CaseMaterialDTO> blocking(List<CaseMaterialDTO> missing, Collection<String> deficient) {
        return missing.stream().filter(m -> !(m.deficiencyAllowed && deficient.contains(m.code))).collect(Collectors.toList());
    }

    /** Codes asked for that the catalog version does not list (R3: no requirement without a legal basis). */
    static List<String> notInCatalog(List<MaterialDTO> catalog, Collection<String> codes) {
        Set<String> known = catalog.stream().map(m -> m.code).collect(Collectors.toSet());
        return codes.stream().filter(c -> !known.contains(c)).distinct().collect(Collectors.toList());
    }
}
