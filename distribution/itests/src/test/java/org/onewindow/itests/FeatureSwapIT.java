package org.onewindow.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.EnumSet;

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

/** District IT swaps the catalog capability out and back in on a running appliance. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class FeatureSwapIT extends OneWindowTestSupport {
    private static final String CATALOG_SERVICE = "org.onewindow.catalog.CatalogService";

    @Inject
    FeaturesService features;

    @Inject
    BundleContext context;

    @Configuration
    public Option[] config() {
        return appliance();
    }

    @Test
    public void uninstallAndReinstallTheCatalogLosesNothing() throws Exception {
        awaitApi();
        assertEquals(200, http.postJson("/catalog/items", "admin",
                CatalogFiles.array(CatalogFiles.item("IT-SWAP-1", "热插拔", 2))).status);
        String before = http.get("/catalog/export", "clerk").body;

        features.uninstallFeature("onewindow-catalog", EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
        assertFalse(features.isInstalled(features.getFeature("onewindow-catalog")));
        // by name: the catalog API bundle, and so the class, is gone too
        assertNull("catalog service gone", context.getServiceReference(CATALOG_SERVICE));
        assertEquals("the node stays up", 200, http.get("/health", null).status);
        Http.Answer gone = http.get("/catalog/items", "clerk");
        assertEquals(404, gone.status);
        assertEquals("NOT_FOUND", gone.code());

        features.installFeature("onewindow-catalog", EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
        assertTrue(features.isInstalled(features.getFeature("onewindow-catalog")));
        http.awaitOk("/catalog/items?size=1", "clerk", Duration.ofSeconds(30));
        assertEquals(before, http.get("/catalog/export", "clerk").body);
        assertEquals(2, http.get("/catalog/items/IT-SWAP-1", "clerk").json().path("timeLimitDays").asInt());
    }
}
