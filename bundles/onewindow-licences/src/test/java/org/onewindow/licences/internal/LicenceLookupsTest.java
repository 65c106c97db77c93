package org.onewindow.licences.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.onewindow.licences.AccessEntryDTO;
import org.onewindow.licences.LicenceDTO;
import org.onewindow.licences.LicenceStatus;
import org.onewindow.licences.NewLicenceDTO;
import org.onewindow.licences.PersonalCatalogDTO;
import org.onewindow.licences.Purpose;
import org.onewindow.security.Actor;

/** Staff's reads of the library on an in-memory Derby: what each finds, and that each is on the audit trail. */
public class LicenceLookupsTest {
    private static final String HOLDER = "110101199003074477";
    private static final Actor CLERK = new Actor("clerk1", Set.of(Actor.CLERK));
    private LibraryOnDerby library;
    private LicenceLookups lookups;

    @Before
    public void aHolderWithLicencesValidExpiredAndRevoked() throws Exception {
        library = new LibraryOnDerby();
        lookups = library.lookups();
        NewLicenceDTO expired = LicenceRowsTest.food("JY-OLD");
        expired.issuedOn = "2015-05-01";
        NewLicenceDTO marriage = LicenceRowsTest.food("J440000-2020-001");
        marriage.type = "MARRIAGE_CERT";
        marriage.issuerCode = "MZ";
        marriage.issuerName = "区民政局";
        NewLicenceDTO revoked = LicenceRowsTest.food("JY-REVOKED");
        revoked.type = "PUBLIC_HEALTH_LICENCE";
        revoked.status = LicenceStatus.REVOKED;
        revoked.revocationReason = "停业";
        NewLicenceDTO another = LicenceRowsTest.food("JY-OTHER");
        another.holderId = "11010519491231002X";
        library.writes(100).importLicences(List.of(LicenceRowsTest.food("JY-NEW"), expired, marriage, revoked, another),
                LicenceWritesTest.ADMIN);
    }

    @After
    public void close() {
        library.close();
    }

    @Test
    public void aPersonalCatalogShowsTheHoldersOwnWithNamesAndStatusAndTheRead() {
        PersonalCatalogDTO c = lookups.personalCatalog(" " + HOLDER + " ", Purpose.of(null, "窗口核验"), CLERK);
        assertEquals("110101********4477", c.holder);
        assertEquals(List.of("FOOD_BUSINESS_LICENCE JY-NEW VALID 食品经营许可证", "FOOD_BUSINESS_LICENCE JY-OLD EXPIRED 食品经营许可证",
                "MARRIAGE_CERT J440000-2020-001 VALID 结婚证", "PUBLIC_HEALTH_LICENCE JY-REVOKED REVOKED 公共场所卫生许可证"), lines(c.licences));
        assertEquals("no intake: no earlier materials", List.of(), c.earlierMaterials);
        AccessEntryDTO read = c.recentAccess.get(0);
        assertEquals(List.of("LIST clerk1 窗口核验 4"), List.of(read.action + " " + read.actor + " " + read.purpose + " " + read.results));
    }

    @Test
    public void aLicenceIsVerifiedByTypeAndNumberAndTheReadKept() {
        LicenceDTO l = lookups.verify("FOOD_BUSINESS_LICENCE", " JY-OLD", Purpose.of(null, "核验"), CLERK);
        assertEquals(HOLDER, l.holderId);
        assertEquals(LicenceStatus.EXPIRED, l.status);
        LicenceWritesTest.assertRefused("LICENCE_NOT_FOUND", () -> lookups.verify("FOOD_BUSINESS_LICENCE", "JY-NONE", Purpose.of(null, "核验"), CLERK));
        List<AccessEntryDTO> log = LicenceReads.of(library.trail, HOLDER, 10);
        assertEquals(List.of("VERIFY FOOD_BUSINESS_LICENCE/JY-OLD"), log.stream().map(e -> e.action + " " + e.licenceType + "/" + e.licenceNo)
                .collect(Collectors.toList()));
    }

    @Test
    public void onlyAValidLicenceOfTheHoldersOwnStandsInForPaper() {
        Map<String, LicenceDTO> usable = lookups.usable(HOLDER, List.of("FOOD_BUSINESS_LICENCE", "PUBLIC_HEALTH_LICENCE", "MARRIAGE_CERT"),
                Purpose.forCase("441302-20261207-0001"), CLERK);
        assertEquals(Set.of("FOOD_BUSINESS_LICENCE", "MARRIAGE_CERT"), usable.keySet());
        assertEquals("the one in force, not the expired one", "JY-NEW", usable.get("FOOD_BUSINESS_LICENCE").number);
        assertEquals(Map.of(), lookups.usable(HOLDER, List.of(), Purpose.forCase("441302-20261207-0001"), CLERK));
        AccessEntryDTO read = LicenceReads.of(library.trail, HOLDER, 10).get(0);
        assertEquals("REUSE_CHECK 441302-20261207-0001 2", read.action + " " + read.caseNo + " " + read.results);
    }

    @Test
    public void staffAloneReadAndOnlyAValidHolder() {
        LicenceWritesTest.assertRefused("FORBIDDEN", () -> lookups.personalCatalog(HOLDER, Purpose.of(null, "看看"),
                new Actor("auditor", Set.of(Actor.AUDITOR))));
        LicenceWritesTest.assertRefused("INVALID_ID_NUMBER", () -> lookups.personalCatalog("110101199003074478", Purpose.of(null, "核验"), CLERK));
        LicenceWritesTest.assertRefused("INVALID_ID_NUMBER", () -> lookups.usable(" ", List.of("MARRIAGE_CERT"), Purpose.of(null, "核验"), CLERK));
        assertTrue("a refused read is no read", LicenceReads.of(library.trail, HOLDER, 10).isEmpty());
    }

    private static List<String> lines(List<LicenceDTO> licences) {
        return licences.stream().map(l -> l.type + " " + l.number + " " + l.status + " " + l.typeName).collect(Collectors.toList());
    }
}
