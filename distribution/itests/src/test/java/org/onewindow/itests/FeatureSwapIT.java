package org.onewindow.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;

import javax.inject.Inject;

import org.apache.karaf.features.FeaturesService;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;

/** District IT swaps capabilities out and back in on a running appliance, in the middle of the day. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class FeatureSwapIT extends OneWindowTestSupport {
    private static final EnumSet<FeaturesService.Option> NO_REFRESH = EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles);

    @Inject
    FeaturesService features;

    @Inject
    BundleContext context;

    @Configuration
    public Option[] config() {
        return appliance();
    }

    @Test
    public void capabilitiesComeAndGoWithoutLosingData() throws Exception {
        awaitApi();
        assertEquals(200, http.postJson("/catalog/items", "admin",
                CatalogFiles.array(CatalogFiles.item("IT-SWAP-1", "热插拔", 2))).status);
        String caseNo = http.postJson("/cases", "clerk", Cases.open("IT-SWAP-1", Cases.ZHANG_SAN)).json().path("caseNo").asText();
        assertEquals(201, http.upload("/cases/" + caseNo + "/materials", "clerk", new String[] {"p1.png"},
                new byte[][] {Cases.png("before the swap")}).status);
        String catalogBefore = http.get("/catalog/export", "clerk").body;
        String scansBefore = http.get("/cases/" + caseNo + "/materials", "clerk").body;

        // scanning out: intake goes on, scan endpoints say why they cannot answer
        features.uninstallFeature("onewindow-scanning", NO_REFRESH);
        Http.Answer absent = http.get("/cases/" + caseNo + "/materials", "clerk");
        assertEquals(503, absent.status);
        assertEquals("SCANNING_UNAVAILABLE", absent.code());
        Http.Answer opened = http.postJson("/cases", "clerk", Cases.open("IT-SWAP-1", Cases.LI_SI));
        assertEquals("intake works without scanning", 201, opened.status);

        // scanning back: every earlier file is there
        features.installFeature("onewindow-scanning", NO_REFRESH);
        http.awaitOk("/cases/" + caseNo + "/materials", "clerk", Duration.ofSeconds(30));
        assertEquals(scansBefore, http.get("/cases/" + caseNo + "/materials", "clerk").body);

        // the whole window out, down to the catalog: the node stays up
        for (String feature : List.of("onewindow-scanning", "onewindow-relay", "onewindow-supervision", "onewindow-crossdistrict",
                "onewindow-online", "onewindow-queue", "onewindow-evaluation", "onewindow-intake", "onewindow-licences", "onewindow-catalog")) {
            features.uninstallFeature(feature, NO_REFRESH);
            assertFalse(feature, features.isInstalled(features.getFeature(feature)));
        }
        // by name: the API bundles, and so the classes, are gone too
        assertNull(context.getServiceReference("org.onewindow.catalog.CatalogService"));
        assertNull(context.getServiceReference("org.onewindow.intake.IntakeService"));
        assertEquals("the node stays up", 200, http.get("/health", null).status);
        assertEquals("NOT_FOUND", http.get("/catalog/items", "clerk").code());
        assertEquals("the online channel is withdrawn with its feature", 404, http.get("/public/online/appointments/days", null).status);

        for (String feature : List.of("onewindow-catalog", "onewindow-licences", "onewindow-intake", "onewindow-scanning",
                "onewindow-relay", "onewindow-supervision", "onewindow-crossdistrict", "onewindow-online", "onewindow-queue", "onewindow-evaluation")) {
            features.installFeature(feature, NO_REFRESH);
            assertTrue(feature, features.isInstalled(features.getFeature(feature)));
        }
        http.awaitOk("/cases/" + caseNo + "/materials", "clerk", Duration.ofSeconds(30));
        assertEquals(catalogBefore, http.get("/catalog/export", "clerk").body);
        assertEquals(scansBefore, http.get("/cases/" + caseNo + "/materials", "clerk").body);
        assertEquals("DRAFT", http.get("/cases/" + caseNo, "clerk").json().path("status").asText());
        http.awaitOk("/public/online/appointments/days", null, Duration.ofSeconds(30));
        http.awaitOk("/public/evaluation/reasons", null, Duration.ofSeconds(30));
    }
}
