package org.onewindow.online.internal.applications;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.function.ThrowingRunnable;
import org.onewindow.online.ApplicationState;
import org.onewindow.online.OnlineFileDTO;
import org.onewindow.online.PaymentOrderDTO;
import org.onewindow.online.PaymentStatus;
import org.onewindow.online.internal.common.ApplicationEntity;
import org.onewindow.problem.Problem;
import org.onewindow.scanning.ScanDTO;

/** The online applications' own rows on an in-memory Derby: whose they are, which state moves to which, files and payment orders. */
public class ApplicationRecordsTest {
    private static final String CASE = "441302-20261207-0001";
    private ApplicationsOnDerby online;
    private ApplicationRecords records;

    @Before
    public void emptyChannel() {
        online = new ApplicationsOnDerby();
        records = online.records;
    }

    @After
    public void close() {
        online.close();
    }

    @Test
    public void anApplicationIsItsCitizensAloneAndAnothersLooksAbsent() {
        online.stored(CASE, ApplicationsOnDerby.ZHANG, ApplicationState.DRAFT, 1_000);
        assertEquals("张三", records.own(ApplicationsOnDerby.ZHANG, CASE).applicantName);
        assertRefused("APPLICATION_NOT_FOUND", () -> records.own(ApplicationsOnDerby.LI, CASE));
        assertRefused("APPLICATION_NOT_FOUND", () -> records.own(ApplicationsOnDerby.ZHANG, "441302-20261207-0099"));
        assertRefused("APPLICATION_NOT_FOUND", () -> records.find(null));
        assertEquals(CASE, records.find(CASE).caseNo);
    }

    @Test
    public void aDraftIsSubmittedOnceAndAReturnedOneAgain() {
        online.stored(CASE, ApplicationsOnDerby.ZHANG, ApplicationState.DRAFT, 1_000);
        ApplicationEntity submitted = records.submit(CASE);
        assertEquals(ApplicationState.SUBMITTED, submitted.state);
        assertNotNull(submitted.submittedAt);
        assertRefused("WRONG_STATE", () -> records.submit(CASE));

        ApplicationEntity returned = records.returnToCitizen(CASE, new LinkedHashSet<>(List.of("M02", "M01")), "身份证照片不清晰", "clerk1");
        assertEquals(ApplicationState.RETURNED, records.find(CASE).state);
        assertEquals(List.of("M02", "M01"), returned.returned().materials);
        assertEquals("身份证照片不清晰", records.find(CASE).returned().note);
        assertEquals("clerk1", records.find(CASE).reviewedBy);
        assertRefused("WRONG_STATE", () -> records.returnToCitizen(CASE, new LinkedHashSet<>(List.of("M01")), null, "clerk2"));
        assertEquals(ApplicationState.SUBMITTED, records.submit(CASE).state);
    }

    @Test
    public void aFeeMakesOnePaymentOrderAndTheApplicationWaitsForIt() {
        online.stored(CASE, ApplicationsOnDerby.ZHANG, ApplicationState.SUBMITTED, 1_000);
        assertNull(records.payment(CASE));
        ApplicationEntity waiting = records.awaitPayment(CASE, "居民身份证换领", new BigDecimal("20"), "clerk1");
        assertEquals(ApplicationState.AWAITING_PAYMENT, waiting.state);
        assertRefused("WRONG_STATE", () -> records.awaitPayment(CASE, "居民身份证换领", new BigDecimal("20"), "clerk2"));
        PaymentOrderDTO order = records.payment(CASE);
        assertEquals("PO441302202612070001", order.orderNo);
        assertEquals(0, new BigDecimal("20").compareTo(order.amount));
        assertEquals(PaymentStatus.UNPAID, order.status);
        assertEquals("居民身份证换领", order.subject);
        assertEquals("one order for the case", 1L, (long) online.jpa.txExpr(em -> em.createQuery(
                "SELECT COUNT(o) FROM PaymentOrderEntity o", Long.class).getSingleResult()));
    }

    @Test
    public void aRefusalKeepsItsReasonAndASettledApplicationFollowsItsCase() {
        online.stored(CASE, ApplicationsOnDerby.ZHANG, ApplicationState.SUBMITTED, 1_000);
        online.stored("441302-20261207-0002", ApplicationsOnDerby.ZHANG, ApplicationState.SUBMITTED, 2_000);
        records.reject(CASE, "不属于本中心受理范围", "clerk1");
        assertEquals(ApplicationState.REJECTED, records.find(CASE).state);
        assertEquals("不属于本中心受理范围", records.find(CASE).rejectReason);
        records.settle("441302-20261207-0002", ApplicationState.WITHDRAWN, ApplicationsOnDerby.ZHANG.toString());
        ApplicationEntity withdrawn = records.find("441302-20261207-0002");
        assertEquals(ApplicationState.WITHDRAWN, withdrawn.state);
        assertEquals("citizen:110105********002X", withdrawn.reviewedBy);
    }

    @Test
    public void filesAreListedByMaterialInUploadOrder() {
        online.stored(CASE, ApplicationsOnDerby.ZHANG, ApplicationState.DRAFT, 1_000);
        records.addFiles(List.of(scan(3, CASE, "id-back.jpg"), scan(1, CASE, "id-front.jpg")), "M01");
        records.addFiles(List.of(scan(2, CASE, "photo.jpg")), "M02");
        records.addFiles(List.of(scan(4, "441302-20261207-0002", "other.pdf")), "M01");
        Map<String, List<OnlineFileDTO>> files = records.files(CASE);
        assertEquals(List.of("M01", "M02"), List.copyOf(files.keySet()));
        assertEquals(List.of("id-front.jpg", "id-back.jpg"), files.get("M01").stream().map(f -> f.fileName).collect(Collectors.toList()));
        assertEquals(1, files.get("M02").size());
    }

    @Test
    public void theQueueIsTheLongestWaitingFirstAndACitizensListTheNewestFirst() {
        online.stored("441302-20261207-0003", ApplicationsOnDerby.LI, ApplicationState.SUBMITTED, 3_000);
        online.stored("441302-20261207-0001", ApplicationsOnDerby.ZHANG, ApplicationState.SUBMITTED, 1_000);
        online.stored("441302-20261207-0002", ApplicationsOnDerby.ZHANG, ApplicationState.DRAFT, 2_000);
        assertEquals(List.of("441302-20261207-0001", "441302-20261207-0003"), caseNos(records.submitted()));
        assertEquals(List.of("441302-20261207-0002", "441302-20261207-0001"), caseNos(records.of(ApplicationsOnDerby.ZHANG)));
    }

    private static List<String> caseNos(List<ApplicationEntity> applications) {
        return applications.stream().map(a -> a.caseNo).collect(Collectors.toList());
    }

    static ScanDTO scan(long id, String caseNo, String fileName) {
        ScanDTO s = new ScanDTO();
        s.id = id;
        s.caseNo = caseNo;
        s.fileName = fileName;
        s.contentType = fileName.endsWith(".pdf") ? "application/pdf" : "image/jpeg";
        s.size = 1024 * id;
        return s;
    }

    /** {@code call} is refused with {@code code}. */
    static void assertRefused(String code, ThrowingRunnable call) {
        assertEquals(code, assertThrows(Problem.class, call).code());
    }
}
