package org.onewindow.intake.internal.licences;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.LocalDate;

import org.junit.Test;
import org.onewindow.catalog.MaterialDTO;

public class EarlierMaterialsTest {
    static MaterialDTO material(String name, String licenceType) {
        MaterialDTO m = new MaterialDTO();
        m.code = "M01";
        m.name = name;
        m.licenceType = licenceType;
        return m;
    }

    @Test
    public void materialsOfTheSameLicenceTypeMatchWhateverTheirNames() {
        assertTrue(EarlierMaterials.matches(material("申请人居民身份证", "RESIDENT_ID_CARD"), material("居民身份证", "RESIDENT_ID_CARD")));
        assertFalse(EarlierMaterials.matches(material("居民户口簿", "HOUSEHOLD_REGISTER"), material("居民身份证", "RESIDENT_ID_CARD")));
    }

    @Test
    public void materialsWithoutALicenceTypeMatchByName() {
        assertTrue(EarlierMaterials.matches(material("房屋租赁合同", null), material("房屋租赁合同 ", null)));
        assertFalse(EarlierMaterials.matches(material("房屋租赁合同", null), material("购房合同", null)));
    }

    @Test
    public void aTypedMaterialDoesNotMatchAnUntypedOneOfTheSameName() {
        assertFalse(EarlierMaterials.matches(material("不动产权证书", "REAL_ESTATE_CERT"), material("不动产权证书", null)));
    }

    @Test
    public void reusableUpToTheLastDayOfTheWindow() {
        assertEquals(LocalDate.of(2026, 5, 27), EarlierMaterials.reusableUntil(LocalDate.of(2025, 11, 28), 180));
    }
}
