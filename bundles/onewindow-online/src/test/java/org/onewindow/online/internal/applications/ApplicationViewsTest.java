package org.onewindow.online.internal.applications;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.onewindow.catalog.CatalogItemDTO;
import org.onewindow.catalog.internal.Items;
import org.onewindow.intake.CaseDTO;
import org.onewindow.intake.CaseMaterialDTO;
import org.onewindow.intake.CaseStatus;
import org.onewindow.intake.MaterialSource;
import org.onewindow.online.ApplicationDTO;
import org.onewindow.online.ApplicationState;
import org.onewindow.online.OnlineFileDTO;
import org.onewindow.online.internal.common.ApplicationEntity;

/** An application as citizen and clerk see it, its rows on an in-memory Derby, its item from the real catalog. */
public class ApplicationViewsTest {
    private static final String CASE = "441302-20261207-0001";
    private ApplicationsOnDerby online;
    private ApplicationViews views;

    @Before
    public void anOnlineItemInTheCatalog() throws Exception {
        online = new ApplicationsOnDerby();
        CatalogItemDTO item = Items.item("ONLINE-001");
        item.online = true;
        online.catalog().service().importItems(List.of(item), "admin");
        views = new ApplicationViews(online.catalog().service(), online.records);
    }

    @After
    public void close() {
        online.close();
    }

    @Test
    public void eachMaterialShowsTheLicenceThatStandsInOrItsFiles() {
        ApplicationEntity a = online.stored(CASE, ApplicationsOnDerby.ZHANG, ApplicationState.SUBMITTED, 1_000);
        online.records.addFiles(List.of(ApplicationRecordsTest.scan(7, CASE, "photo.jpg")), "M02");
        CaseDTO c = draft(material("M01", true, MaterialSource.LICENCE), material("M02", false, null), material("M03", false, null));
        ApplicationDTO dto = views.view(a, c, online.records.files(CASE));
        assertEquals(Arrays.asList("M01 LICENCE 0", "M02 UPLOADED 1", "M03 null 0"), dto.materials.stream()
                .map(m -> m.code + " " + m.source + " " + m.files.size()).collect(Collectors.toList()));
        assertEquals(ApplicationState.SUBMITTED, dto.state);
        assertEquals("110105********002X", dto.applicantId);
        assertEquals("区公安分局", dto.departmentName);
        assertNull("no fee, no order", dto.payment);
    }

    @Test
    public void aCaseMovedAtAWindowWinsAndAnOrderShows() {
        ApplicationEntity a = online.stored(CASE, ApplicationsOnDerby.ZHANG, ApplicationState.SUBMITTED, 1_000);
        CaseDTO accepted = draft();
        accepted.status = CaseStatus.ACCEPTED;
        assertEquals(ApplicationState.ACCEPTED, views.view(a, accepted, Map.of()).state);
        ApplicationEntity waiting = online.records.awaitPayment(CASE, "居民身份证换领", new BigDecimal("20"), "clerk1");
        ApplicationDTO dto = views.view(waiting, draft(), Map.<String, List<OnlineFileDTO>>of());
        assertEquals(ApplicationState.AWAITING_PAYMENT, dto.state);
        assertEquals("PO441302202612070001", dto.payment.orderNo);
        assertEquals("预审已通过，请缴费；缴费后即受理", dto.nextStep);
    }

    @Test
    public void aListEntryNamesItsItemFromTheCatalogWithoutReadingTheCase() {
        ApplicationEntity a = online.stored(CASE, ApplicationsOnDerby.ZHANG, ApplicationState.DRAFT, 1_000);
        ApplicationDTO dto = views.summary(a);
        assertEquals("居民身份证换领 区公安分局 DRAFT", dto.itemName + " " + dto.departmentName + " " + dto.state);
        assertEquals("请上传所需材料，然后提交预审", dto.nextStep);
        assertNull(dto.materials);
    }

    /** The case at intake, as an online application's draft stands there. */
    private static CaseDTO draft(CaseMaterialDTO... materials) {
        CaseDTO c = new CaseDTO();
        c.caseNo = CASE;
        c.itemCode = "ONLINE-001";
        c.itemName = "居民身份证换领";
        c.departmentName = "区公安分局";
        c.status = CaseStatus.DRAFT;
        c.materials = new ArrayList<>(Arrays.asList(materials));
        return c;
    }

    private static CaseMaterialDTO material(String code, boolean received, MaterialSource source) {
        CaseMaterialDTO m = new CaseMaterialDTO();
        m.code = code;
        m.name = "材料 " + code;
        m.required = true;
        m.received = received;
        m.source = source;
        return m;
    }
}
