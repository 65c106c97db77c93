package org.onewindow.online.internal.identity;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.Test;
import org.onewindow.intake.ApplicantContactDTO;
import org.onewindow.intake.Channel;

public class WindowContactsTest {
    private static final Instant LONG_AGO = Instant.parse("2025-01-01T00:00:00Z");

    @Test
    public void theNewestWindowCaseWithAMobileTakenInWithTheApplicantThereVouches() {
        Contact c = WindowContacts.pick(List.of(
                contact("441302-20261201-0003", Channel.WINDOW, "0752-2281234", false, null, "clerk"),
                contact("441302-20261201-0002", Channel.WINDOW, "138 0013 8000", false, null, "clerk2"),
                contact("441302-20261201-0001", Channel.WINDOW, "13900139000", false, null, "clerk")), LONG_AGO).orElseThrow();
        assertEquals("a landline takes no text: the next case's mobile", "13800138000", c.mobile());
        assertEquals(BindingPath.WINDOW_CASE, c.path());
        assertEquals("441302-20261201-0002", c.reference());
        assertEquals("the clerk who saw the ID card", "clerk2", c.by());
        assertEquals("not bound yet: the sign-in binds it", false, c.bound());
    }

    @Test
    public void noCaseVouchesWhereNobodySawTheApplicantsIdCard() {
        assertTrue("an online case: the mobile is whatever was claimed", none(contact("a", Channel.ONLINE, "13800138000", false, null, "citizen:441302")));
        assertTrue("a kiosk", none(contact("b", Channel.KIOSK, "13800138000", false, null, "kiosk")));
        assertTrue("an agent brought it", none(contact("c", Channel.WINDOW, "13800138000", true, null, "clerk")));
        assertTrue("another district took it in", none(contact("d", Channel.WINDOW, "13800138000", false, "441303", "clerk")));
        assertTrue("the online channel opened it, whatever its channel", none(contact("e", Channel.WINDOW, "13800138000", false, null,
                "citizen:441302********1238")));
        assertTrue("the appliance opened it", none(contact("f", Channel.WINDOW, "13800138000", false, null, "system:import")));
        assertTrue(none());
    }

    @Test
    public void aCaseFromBeforeTheLimitVouchesForNothing() {
        Instant revoked = Instant.parse("2026-12-01T08:00:00Z");
        ApplicantContactDTO before = contact("441302-20261201-0001", Channel.WINDOW, "13800138000", false, null, "clerk");
        before.createdAt = "2026-12-01T07:59:59Z";
        assertTrue("a revoked binding is not made again from the case before it",
                WindowContacts.pick(List.of(before), revoked).isEmpty());
        ApplicantContactDTO after = contact("441302-20261201-0009", Channel.WINDOW, "13900139000", false, null, "clerk");
        after.createdAt = "2026-12-01T09:00:00Z";
        assertEquals("13900139000", WindowContacts.pick(List.of(after, before), revoked).orElseThrow().mobile());
    }

    private static boolean none(ApplicantContactDTO... contacts) {
        return WindowContacts.pick(List.of(contacts), LONG_AGO).isEmpty();
    }

    private static ApplicantContactDTO contact(String caseNo, Channel channel, String phone, boolean byAgent, String origin, String by) {
        ApplicantContactDTO c = new ApplicantContactDTO();
        c.caseNo = caseNo;
        c.channel = channel;
        c.phone = phone;
        c.byAgent = byAgent;
        c.originDistrict = origin;
        c.createdAt = "2026-12-01T02:00:00Z";
        c.createdBy = by;
        return c;
    }
}
