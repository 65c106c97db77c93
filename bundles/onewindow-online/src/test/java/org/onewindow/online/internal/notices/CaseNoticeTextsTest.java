package org.onewindow.online.internal.notices;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import org.junit.Test;
import org.onewindow.online.NoticeKind;
import org.onewindow.rest.Json;

import com.fasterxml.jackson.databind.JsonNode;

public class CaseNoticeTextsTest {

    private static JsonNode record(String json) throws Exception {
        return Json.mapper().readTree(json);
    }

    @Test
    public void aPostedResultNamesCarrierAndTrackingNumber() throws Exception {
        CaseNoticeTexts.Text t = CaseNoticeTexts.of(record("{\"caseNo\":\"441302-20261130-0001\",\"itemName\":\"失业保险金申领\","
                + "\"status\":\"DELIVERED\",\"delivery\":{\"method\":\"POST\",\"carrier\":\"EMS\",\"trackingNo\":\"EA1CN\"}}")).orElseThrow();
        assertEquals(NoticeKind.RESULT_POSTED, t.kind());
        assertTrue(t.text(), t.text().contains("EMS") && t.text().contains("EA1CN") && t.text().contains("441302-20261130-0001"));
    }

    @Test
    public void aSupplementNamesWhatToBring() throws Exception {
        CaseNoticeTexts.Text t = CaseNoticeTexts.of(record("{\"caseNo\":\"X\",\"itemName\":\"Y\",\"status\":\"SUPPLEMENT_REQUESTED\","
                + "\"supplementMaterials\":[\"营业执照\",\"申请表\"]}")).orElseThrow();
        assertEquals(NoticeKind.CASE_SUPPLEMENT, t.kind());
        assertTrue(t.text(), t.text().contains("营业执照、申请表"));
    }

    @Test
    public void quietStepsAndPickupAtTheWindowTellNothing() throws Exception {
        for (String status : new String[] {"DRAFT", "ACCEPTED", "IN_REVIEW", "WITHDRAWN"}) {
            assertTrue(status, CaseNoticeTexts.of(record("{\"caseNo\":\"X\",\"status\":\"" + status + "\"}")).isEmpty());
        }
        assertTrue(CaseNoticeTexts.of(record("{\"caseNo\":\"X\",\"status\":\"DELIVERED\",\"delivery\":{\"method\":\"WINDOW\"}}")).isEmpty());
    }

    @Test
    public void theAcceptanceSaysThePromisedDayIsIncluded() {
        org.onewindow.intake.CaseDTO c = new org.onewindow.intake.CaseDTO();
        c.caseNo = "441302-20261207-0002";
        c.itemName = "无犯罪记录证明开具";
        c.timeLimit = new org.onewindow.intake.TimeLimitDTO();
        c.timeLimit.deadline = "2026-12-09";
        // as the receipt says it: "2026-12-09 前" reads as ending the day before
        String text = CaseNoticeTexts.accepted("", c);
        assertTrue(text, text.contains("承诺 2026-12-09（含）前办结"));
    }

    @Test
    public void anOnlineApplicantIsNotToldToBringAPickupCodeTheyNeverGot() throws Exception {
        String online = CaseNoticeTexts.of(record("{\"caseNo\":\"X\",\"itemName\":\"Y\",\"status\":\"READY_FOR_PICKUP\",\"channel\":\"ONLINE\"}"))
                .orElseThrow().text();
        assertTrue(online, online.contains("身份证") && !online.contains("取件码"));
        String window = CaseNoticeTexts.of(record("{\"caseNo\":\"X\",\"itemName\":\"Y\",\"status\":\"READY_FOR_PICKUP\",\"channel\":\"WINDOW\"}"))
                .orElseThrow().text();
        assertTrue(window, window.contains("取件码"));
    }
}
