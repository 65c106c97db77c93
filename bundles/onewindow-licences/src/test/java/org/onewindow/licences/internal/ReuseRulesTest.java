package org.onewindow.licences.internal;

import static org.junit.Assert.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.Test;
import org.onewindow.licences.LicenceStatus;

public class ReuseRulesTest {
    static final String HOLDER = "110101199003074477";
    static final String OTHER = "110101199003076632";
    static final LocalDate TODAY = LocalDate.of(2026, 11, 28);

    static LicenceEntity licence(String type, String holder, LocalDate from, LocalDate to, LicenceStatus status) {
        LicenceEntity l = new LicenceEntity();
        l.type = type;
        l.number = type + "-" + to;
        l.holderId = holder;
        l.issuedOn = from;
        l.validFrom = from;
        l.validTo = to;
        l.status = status;
        return l;
    }

    @Test
    public void aValidLicenceOfTheHolderAndTypeIsUsable() {
        LicenceEntity l = licence("REAL_ESTATE_CERT", HOLDER, TODAY.minusYears(1), null, LicenceStatus.VALID);
        assertEquals(ReuseRules.Verdict.USABLE, ReuseRules.judge(l, HOLDER, "REAL_ESTATE_CERT", TODAY));
    }

    @Test
    public void itIsUsableOnItsLastDayAndExpiredTheDayAfter() {
        LicenceEntity l = licence("FOOD_BUSINESS_LICENCE", HOLDER, TODAY.minusYears(5), TODAY, LicenceStatus.VALID);
        assertEquals(ReuseRules.Verdict.USABLE, ReuseRules.judge(l, HOLDER, "FOOD_BUSINESS_LICENCE", TODAY));
        assertEquals(ReuseRules.Verdict.EXPIRED, ReuseRules.judge(l, HOLDER, "FOOD_BUSINESS_LICENCE", TODAY.plusDays(1)));
        assertEquals(LicenceStatus.EXPIRED, l.statusOn(TODAY.plusDays(1)));
    }

    @Test
    public void aRevokedLicenceIsNeverUsable() {
        LicenceEntity l = licence("BUSINESS_LICENCE", HOLDER, TODAY.minusYears(1), null, LicenceStatus.REVOKED);
        assertEquals(ReuseRules.Verdict.REVOKED, ReuseRules.judge(l, HOLDER, "BUSINESS_LICENCE", TODAY));
    }

    @Test
    public void revocationWinsOverExpiry() {
        LicenceEntity l = licence("BUSINESS_LICENCE", HOLDER, TODAY.minusYears(3), TODAY.minusYears(1), LicenceStatus.REVOKED);
        assertEquals(ReuseRules.Verdict.REVOKED, ReuseRules.judge(l, HOLDER, "BUSINESS_LICENCE", TODAY));
    }

    @Test
    public void anotherHoldersLicenceIsNotUsable() {
        LicenceEntity l = licence("MARRIAGE_CERT", OTHER, TODAY.minusYears(1), null, LicenceStatus.VALID);
        assertEquals(ReuseRules.Verdict.OTHER_HOLDER, ReuseRules.judge(l, HOLDER, "MARRIAGE_CERT", TODAY));
    }

    @Test
    public void aLicenceOfAnotherTypeIsNotUsable() {
        LicenceEntity l = licence("MARRIAGE_CERT", HOLDER, TODAY.minusYears(1), null, LicenceStatus.VALID);
        assertEquals(ReuseRules.Verdict.WRONG_TYPE, ReuseRules.judge(l, HOLDER, "HOUSEHOLD_REGISTER", TODAY));
    }

    @Test
    public void aLicenceNotYetInForceIsNotUsable() {
        LicenceEntity l = licence("DRIVING_LICENCE", HOLDER, TODAY.plusDays(1), TODAY.plusYears(6), LicenceStatus.VALID);
        assertEquals(ReuseRules.Verdict.NOT_YET_VALID, ReuseRules.judge(l, HOLDER, "DRIVING_LICENCE", TODAY));
    }

    @Test
    public void theLongestLivedComesFirst() {
        LicenceEntity shortLived = licence("RESIDENT_ID_CARD", HOLDER, TODAY.minusYears(9), TODAY.plusYears(1), LicenceStatus.VALID);
        LicenceEntity longLived = licence("RESIDENT_ID_CARD", HOLDER, TODAY.minusYears(1), TODAY.plusYears(19), LicenceStatus.VALID);
        LicenceEntity endless = licence("RESIDENT_ID_CARD", HOLDER, TODAY.minusYears(20), null, LicenceStatus.VALID);
        List<LicenceEntity> all = new ArrayList<>(List.of(shortLived, endless, longLived));
        all.sort(ReuseRules.LONGEST_LIVED);
        assertEquals(List.of(endless, longLived, shortLived), all);
    }
}
