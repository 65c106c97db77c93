package org.onewindow.licences.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.Test;
import org.onewindow.catalog.LicenceTypeDTO;
import org.onewindow.catalog.LicenceTypeDTO.HolderKind;
import org.onewindow.citizen.IdType;
import org.onewindow.licences.LicenceStatus;
import org.onewindow.licences.NewLicenceDTO;
import org.onewindow.problem.ProblemDetail;

public class LicenceRowsTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 28);
    static final Map<String, LicenceTypeDTO> TYPES = Map.of(
            "FOOD_BUSINESS_LICENCE", type("FOOD_BUSINESS_LICENCE", "食品经营许可证", HolderKind.ANY, 5),
            "MARRIAGE_CERT", type("MARRIAGE_CERT", "结婚证", HolderKind.PERSON, null),
            "DRUG_RETAIL_LICENCE", type("DRUG_RETAIL_LICENCE", "药品经营许可证", HolderKind.ORGANISATION, 5));

    static LicenceTypeDTO type(String code, String name, HolderKind kind, Integer years) {
        LicenceTypeDTO t = new LicenceTypeDTO();
        t.code = code;
        t.name = name;
        t.holderKind = kind;
        t.validityYears = years;
        return t;
    }

    static NewLicenceDTO food(String number) {
        NewLicenceDTO l = new NewLicenceDTO();
        l.type = "FOOD_BUSINESS_LICENCE";
        l.number = number;
        l.holderId = "110101199003074477";
        l.holderName = "张三";
        l.issuerCode = "SJ";
        l.issuerName = "区市场监督管理局";
        l.issuedOn = "2024-03-01";
        return l;
    }

    private static List<String> fields(List<ProblemDetail> problems) {
        return problems.stream().map(p -> p.field).collect(Collectors.toList());
    }

    @Test
    public void validityDefaultsToTheTypesYearsFromTheIssueDay() {
        List<ProblemDetail> problems = new ArrayList<>();
        LicenceRow r = LicenceRows.check(food("JY13101010000001"), "#1", TYPES, TODAY, problems);
        assertNotNull(problems.toString(), r);
        assertEquals(LocalDate.of(2024, 3, 1), r.validFrom);
        assertEquals(LocalDate.of(2029, 2, 28), r.validTo);
        assertEquals(LicenceStatus.VALID, r.status);
        assertEquals(IdType.RESIDENT_ID, r.holderIdType);
    }

    @Test
    public void aTypeWithoutYearsHasNoEnd() {
        NewLicenceDTO l = food("J0001");
        l.type = "MARRIAGE_CERT";
        LicenceRow r = LicenceRows.check(l, "#1", TYPES, TODAY, new ArrayList<>());
        assertNull(r.validTo);
    }

    @Test
    public void everyBadFieldOfARowIsNamed() {
        NewLicenceDTO l = food("A/B");
        l.type = "NO_SUCH_TYPE";
        l.holderId = "110101199003074478";
        l.issuedOn = "2024-13-01";
        l.validTo = "2020-01-01";
        List<ProblemDetail> problems = new ArrayList<>();
        assertNull(LicenceRows.check(l, "#7", TYPES, TODAY, problems));
        assertEquals(List.of("type", "number", "holderId", "issuedOn"), fields(problems));
        assertTrue(problems.stream().allMatch(p -> "#7".equals(p.item)));
    }

    @Test
    public void theHolderMustSuitTheType() {
        NewLicenceDTO l = food("药0001");
        l.type = "DRUG_RETAIL_LICENCE";
        List<ProblemDetail> problems = new ArrayList<>();
        assertNull(LicenceRows.check(l, "#1", TYPES, TODAY, problems));
        assertEquals(List.of("holderIdType"), fields(problems));
        l.holderIdType = IdType.CREDIT_CODE;
        l.holderId = "91350100M000100Y43";
        assertNotNull(LicenceRows.check(l, "#1", TYPES, TODAY, new ArrayList<>()));
    }

    @Test
    public void validityMayNotEndBeforeItStartsNorIssueLieAhead() {
        NewLicenceDTO l = food("X1");
        l.validFrom = "2025-01-01";
        l.validTo = "2024-12-31";
        l.issuedOn = TODAY.plusDays(1).toString();
        List<ProblemDetail> problems = new ArrayList<>();
        LicenceRows.check(l, "#1", TYPES, TODAY, problems);
        assertEquals(List.of("issuedOn", "validTo"), fields(problems));
    }

    @Test
    public void expiryIsNotAStatusToImportAndRevocationNeedsAReason() {
        NewLicenceDTO expired = food("X2");
        expired.status = LicenceStatus.EXPIRED;
        NewLicenceDTO revoked = food("X3");
        revoked.status = LicenceStatus.REVOKED;
        List<ProblemDetail> problems = new ArrayList<>();
        LicenceRows.check(expired, "#1", TYPES, TODAY, problems);
        LicenceRows.check(revoked, "#2", TYPES, TODAY, problems);
        assertEquals(List.of("status", "revocationReason"), fields(problems));
    }

    @Test
    public void duplicatesInTheFileAndInTheLibraryAreNamed() {
        List<LicenceRow> rows = new ArrayList<>();
        for (String n : List.of("A1", "A2", "A1", "A3")) {
            rows.add(LicenceRows.check(food(n), n, TYPES, TODAY, new ArrayList<>()));
        }
        List<ProblemDetail> problems = LicenceRows.duplicates(rows, List.of("#1", "#2", "#3", "#4"),
                Set.of("FOOD_BUSINESS_LICENCE A3"));
        assertEquals(List.of("#3", "#4"), problems.stream().map(p -> p.item).collect(Collectors.toList()));
    }
}
