package org.onewindow.intake.internal.cases;

import static org.junit.Assert.assertEquals;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.Test;
import org.onewindow.catalog.MaterialDTO;
import org.onewindow.intake.CaseMaterialDTO;

public class CompletenessTest {
    private static final List<MaterialDTO> CATALOG = List.of(material("M01", true), material("M02", true), material("M03", false));

    @Test
    public void everyMissingRequiredMaterialAtOnce() {
        List<CaseMaterialDTO> materials = Completeness.materials(CATALOG, Set.of());
        assertEquals(List.of("M01", "M02"), codes(Completeness.missing(materials)));
        assertEquals(List.of("M02"), codes(Completeness.missing(Completeness.materials(CATALOG, Set.of("M01", "M03")))));
        assertEquals(List.of(), codes(Completeness.missing(Completeness.materials(CATALOG, Set.of("M01", "M02")))));
    }

    @Test
    public void acceptanceWithDeficiencyOnlyWhereTheCatalogAllowsIt() {
        MaterialDTO form = material("M04", true);
        form.deficiencyAllowed = true;
        List<MaterialDTO> catalog = List.of(material("M01", true), form);
        List<CaseMaterialDTO> missing = Completeness.missing(Completeness.materials(catalog, Set.of()));
        assertEquals(List.of("M01"), codes(Completeness.blocking(missing, List.of("M04"))));
        assertEquals("M01 may not be owed", List.of("M01"), codes(Completeness.blocking(missing, List.of("M01", "M04"))));
        assertEquals(List.of("M01", "M04"), codes(Completeness.blocking(missing, List.of())));
        List<CaseMaterialDTO> owed = Completeness.materials(catalog, Set.of("M01"), Set.of("M04"));
        assertEquals(true, owed.get(1).owed);
    }

    @Test
    public void materialsBeyondTheCatalogAreNamed() {
        assertEquals(List.of("X9"), Completeness.notInCatalog(CATALOG, List.of("M01", "X9", "X9")));
        assertEquals(List.of(), Completeness.notInCatalog(CATALOG, List.of("M03")));
    }

    private static List<String> codes(List<CaseMaterialDTO> materials) {
        return materials.stream().map(m -> m.code).collect(Collectors.toList());
    }

    private static MaterialDTO material(String code, boolean required) {
        MaterialDTO m = new MaterialDTO();
        m.code = code;
        m.name = code;
        m.required = required;
        m.legalBasis = "依据";
        return m;
    }
}
