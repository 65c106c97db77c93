package org.onewindow.intake.internal.documents;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.Test;
import org.onewindow.citizen.IdType;
import org.onewindow.intake.CaseDTO;
import org.onewindow.intake.PartyDTO;
import org.onewindow.intake.TimeLimitDTO;

/** The receipt's words on the time limit, as a citizen reads them, and what people typed escaped in the documents. */
public class CaseDocumentsTest {

    private static CaseDTO accepted(int promised) {
        CaseDTO c = new CaseDTO();
        c.caseNo = "441302-20261125-0001";
        c.itemCode = "SJ-SP-001";
        c.itemName = "食品经营许可";
        c.itemVersion = 1;
        c.departmentName = "区市场监督管理局";
        c.timeLimitDays = promised;
        c.applicant = new PartyDTO();
        c.applicant.idType = IdType.RESIDENT_ID;
        c.applicant.idNumber = "441302199003071238";
        c.applicant.name = "张三";
        c.pickupCode = "123456";
        c.materials = List.of();
        c.timeLimit = new TimeLimitDTO();
        c.timeLimit.acceptedOn = "2026-11-25";
        c.timeLimit.deadline = "2026-12-09";
        return c;
    }

    private static String receipt(CaseDTO c, Integer statutory) {
        return CaseDocuments.receipt(c, "示例区", LocalDate.parse("2026-11-25"), statutory);
    }

    @Test
    public void theDeadlineDayIsIncluded() {
        String html = receipt(accepted(10), 20);
        assertTrue(html, html.contains("2026-12-09（含）前"));
        assertFalse(html, html.contains("2026-12-09 前"));
    }

    @Test
    public void bothLimitsArePrinted() {
        String html = receipt(accepted(10), 20);
        assertTrue(html, html.contains("<td>法定时限</td><td>20 个工作日</td>"));
        assertTrue(html, html.contains("<td>承诺时限</td><td>10 个工作日</td>"));
        String unknown = receipt(accepted(10), null);
        assertTrue(unknown, unknown.contains("<td>法定时限</td><td>事项目录未载明</td>"));
        String instant = receipt(accepted(0), 20);
        assertTrue(instant, instant.contains("<td>承诺时限</td><td>即来即办</td>"));
    }

    @Test
    public void missingYearsAreWordsNotAList() {
        CaseDTO c = accepted(10);
        c.timeLimit.deadline = "2027-01-12";
        c.timeLimit.calendarGaps = List.of(2027);
        String html = receipt(c, 20);
        assertTrue(html, html.contains("2027 年"));
        assertFalse(html, html.contains("[2027]"));
        c.timeLimit.calendarGaps = List.of(2027, 2028);
        assertTrue(receipt(c, 20), receipt(c, 20).contains("2027、2028 年"));
    }

    @Test
    public void aReprintedReceiptSaysTheDeadlineWasExtended() {
        CaseDTO c = accepted(10);
        c.timeLimit.deadline = "2026-12-23";
        c.timeLimit.extendedDays = 10;
        c.timeLimit.extensions = 1;
        c.timeLimit.extendedOn = "2026-12-08";
        String html = receipt(c, 20);
        assertTrue(html, html.contains("2026-12-23（含）前（已于 2026-12-08 经批准延期 10 个工作日）"));
        c.timeLimit.extensions = 2;
        c.timeLimit.extendedDays = 15;
        assertTrue(receipt(c, 20), receipt(c, 20).contains("（已经批准延期 2 次，共 15 个工作日，最近一次于 2026-12-08）"));
        c.timeLimit.extensions = 1;
        c.timeLimit.extendedOn = null;
        assertTrue("extended before the day was kept", receipt(c, 20).contains("（已经批准延期 15 个工作日）"));
        c.timeLimit.suspendedDays = 3;
        assertTrue(receipt(c, 20), receipt(c, 20).contains("补正期间 3 个工作日不计入"));
    }

    @Test
    public void documentsEscapeWhatPeopleTyped() {
        assertEquals("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;", CaseDocuments.esc("<script>alert('x')</script> & \""));
    }
}
