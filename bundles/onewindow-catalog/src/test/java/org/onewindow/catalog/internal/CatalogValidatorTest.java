package org.onewindow.catalog.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.Test;
import org.onewindow.catalog.CatalogItemDTO;
import org.onewindow.catalog.ExtensionRuleDTO;
import org.onewindow.catalog.LicenceTypeDTO;
import org.onewindow.problem.ProblemDetail;

public class CatalogValidatorTest {

    @Test
    public void validItemPasses() {
        assertEquals(List.of(), validate(Items.item("GA-SFZ-001")));
    }

    @Test
    public void namesEveryBadItemAndField() {
        CatalogItemDTO missing = Items.item("GA-1");
        missing.code = null;
        missing.kind = null;
        CatalogItemDTO negative = Items.item("GA-2");
        negative.timeLimitDays = -1;
        CatalogItemDTO duplicateMaterial = Items.item("GA-3");
        duplicateMaterial.materials.add(Items.material("M01"));
        List<ProblemDetail> problems = CatalogValidator.validate(List.of(missing, negative, duplicateMaterial),
                List.of("#1", "GA-2", "GA-3"));
        assertEquals(List.of("#1 code", "#1 kind", "GA-2 timeLimitDays", "GA-3 materials[1].code"), where(problems));
    }

    @Test
    public void keywordsAreShortWordsWithoutTheSeparator() {
        CatalogItemDTO good = Items.item("SJ-DJ-001");
        good.keywords = List.of("营业执照", "个体户");
        assertEquals(List.of(), validate(good));
        CatalogItemDTO bad = Items.item("SJ-DJ-002");
        bad.keywords = List.of("营业执照", " ", "公司|企业", "一二三四五六七八九十一二三四五六七八九十一");
        assertEquals(List.of("SJ-DJ-002 keywords[1]", "SJ-DJ-002 keywords[2]", "SJ-DJ-002 keywords[3]"),
                where(CatalogValidator.validate(List.of(bad), List.of("SJ-DJ-002"))));
        CatalogItemDTO many = Items.item("SJ-DJ-003");
        many.keywords = java.util.Collections.nCopies(21, "执照");
        assertEquals(List.of("SJ-DJ-003 keywords"), where(CatalogValidator.validate(List.of(many), List.of("SJ-DJ-003"))));
    }

    @Test
    public void licenceTypesNotInTheListAreNamed() {
        CatalogItemDTO item = Items.item("SJ-SP-001");
        item.resultLicenceType = "FOOD_BUSINESS_LICENCE";
        item.materials.add(Items.material("M02"));
        item.materials.get(1).licenceType = "NO_SUCH_TYPE";
        assertEquals(List.of("SJ-SP-001 resultLicenceType", "SJ-SP-001 materials[1].licenceType"),
                where(CatalogValidator.unknownLicenceTypes(List.of(item), List.of("SJ-SP-001"), Set.of("RESIDENT_ID_CARD"))));
        assertEquals(List.of(), CatalogValidator.unknownLicenceTypes(List.of(item), List.of("SJ-SP-001"),
                Set.of("RESIDENT_ID_CARD", "FOOD_BUSINESS_LICENCE", "NO_SUCH_TYPE")));
    }

    @Test
    public void licenceTypesAreCheckedFieldByField() {
        LicenceTypeDTO good = new LicenceTypeDTO();
        good.code = "PET_LICENCE";
        good.name = "养犬登记证";
        good.holderKind = LicenceTypeDTO.HolderKind.PERSON;
        good.validityYears = 1;
        LicenceTypeDTO bad = new LicenceTypeDTO();
        bad.code = "pet";
        bad.validityYears = 0;
        assertEquals(List.of("pet code", "pet name", "pet holderKind", "pet validityYears", "PET_LICENCE code"),
                where(CatalogValidator.validateTypes(java.util.Arrays.asList(good, bad, good))));
    }

    @Test
    public void duplicateItemCodeInOneFileIsRefused() {
        List<ProblemDetail> problems = CatalogValidator.validate(List.of(Items.item("GA-1"), Items.item("GA-1")),
                List.of("GA-1", "GA-1"));
        assertEquals(List.of("GA-1 code"), where(problems));
    }

    @Test
    public void materialWithoutLegalBasisIsRefused() {
        CatalogItemDTO item = Items.item("GA-1");
        item.materials.get(0).legalBasis = " ";
        assertEquals(List.of("GA-1 materials[0].legalBasis"), where(validate(item)));
    }

    @Test
    public void feeMustBeNonNegativeWithAtMostTwoDecimals() {
        CatalogItemDTO item = Items.item("GA-1");
        item.fee = new BigDecimal("-1");
        assertEquals(List.of("GA-1 fee"), where(validate(item)));
        item.fee = new BigDecimal("1.005");
        assertEquals(List.of("GA-1 fee"), where(validate(item)));
        item.fee = new BigDecimal("80.50");
        assertEquals(List.of(), validate(item));
    }

    @Test
    public void codesMustFollowThePattern() {
        CatalogItemDTO item = Items.item("ga 1");
        item.department.code = "公安";
        item.materials.get(0).licenceType = "id card";
        assertEquals(List.of("GA-1 code", "GA-1 department.code", "GA-1 materials[0].licenceType"),
                where(CatalogValidator.validate(List.of(item), List.of("GA-1"))));
    }

    @Test
    public void instantItemsAreValidAndLimitsAreBounded() {
        CatalogItemDTO item = Items.item("GA-1");
        item.timeLimitDays = 0;
        assertTrue(validate(item).isEmpty());
        item.timeLimitDays = 366;
        assertEquals(List.of("GA-1 timeLimitDays"), where(validate(item)));
    }

    @Test
    public void aPromiseLongerThanTheStatutoryLimitIsRefused() {
        CatalogItemDTO item = Items.item("SJ-SP-001");
        item.timeLimitDays = 5;
        assertTrue("no statutory limit given: catalogs from before it was a field stay importable", validate(item).isEmpty());
        item.statutoryLimitDays = 20;
        assertTrue("a promise cut below the law", validate(item).isEmpty());
        item.statutoryLimitDays = 5;
        assertTrue("a promise equal to the law", validate(item).isEmpty());
        item.statutoryLimitDays = 3;
        List<ProblemDetail> problems = validate(item);
        assertEquals(List.of("SJ-SP-001 timeLimitDays"), where(problems));
        assertTrue(problems.get(0).message, problems.get(0).message.contains("超过法定时限 3 个工作日"));
        item.statutoryLimitDays = 366;
        assertEquals(List.of("SJ-SP-001 statutoryLimitDays"), where(validate(item)));
        item.statutoryLimitDays = -1;
        assertEquals(List.of("SJ-SP-001 statutoryLimitDays"), where(validate(item)));
    }

    @Test
    public void anItemsOwnExtensionRuleIsChecked() {
        CatalogItemDTO item = Items.item("ZR-GH-001");
        item.extension = ExtensionRuleDTO.of(2, 15, "《某条例》第十条");
        assertTrue(validate(item).isEmpty());
        item.extension = ExtensionRuleDTO.of(0, null, "《某条例》第十条：不得延期");
        assertTrue("times 0 forbids extensions", validate(item).isEmpty());
        item.extension = ExtensionRuleDTO.of(0, 10, "《某条例》");
        assertEquals(List.of("ZR-GH-001 extension.maxDays"), where(validate(item)));
        item.extension = ExtensionRuleDTO.of(1, null, " ");
        assertEquals(List.of("ZR-GH-001 extension.maxDays", "ZR-GH-001 extension.legalBasis"), where(validate(item)));
        item.extension = ExtensionRuleDTO.of(10, 0, "《某条例》");
        assertEquals(List.of("ZR-GH-001 extension.times", "ZR-GH-001 extension.maxDays"), where(validate(item)));
        item.extension = new ExtensionRuleDTO();
        assertEquals(List.of("ZR-GH-001 extension.times", "ZR-GH-001 extension.legalBasis"), where(validate(item)));
    }

    @Test
    public void withoutARuleOfItsOwnAnItemFollowsArticle42() {
        CatalogItemDTO item = Items.item("ZR-GH-001");
        ExtensionRuleDTO rule = ExtensionRuleDTO.effective(item);
        assertEquals(Integer.valueOf(1), rule.times);
        assertEquals(Integer.valueOf(10), rule.maxDays);
        assertEquals("《中华人民共和国行政许可法》第四十二条", rule.legalBasis);
        item.extension = ExtensionRuleDTO.of(2, 30, "《某法》");
        assertEquals(Integer.valueOf(2), ExtensionRuleDTO.effective(item).times);
    }

    private static List<ProblemDetail> validate(CatalogItemDTO item) {
        return CatalogValidator.validate(List.of(item), List.of(item.code));
    }

    private static List<String> where(List<ProblemDetail> problems) {
        return problems.stream().map(p -> p.item + " " + p.field).collect(Collectors.toList());
    }
}
