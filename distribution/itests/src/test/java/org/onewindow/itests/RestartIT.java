package org.onewindow.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * A real stop and start of the unpacked appliance (bin/karaf), as in a hall at night: the hall's
 * catalog files are imported at first start, everything written before the restart is there after
 * it, and nothing is imported twice.
 */
public class RestartIT {
    private static UnpackedAppliance appliance;

    @BeforeClass
    public static void unpack() throws Exception {
        appliance = UnpackedAppliance.unpack("restart", Ports.of(9281), Ports.of(9201));
        // the hall's own catalog files: the good one is imported at first start, the bad one refused
        Files.writeString(appliance.home.resolve("etc/onewindow/catalog/10-hall.json"),
                CatalogFiles.array(CatalogFiles.item("IT-ETC-1", "本区事项", 1), CatalogFiles.item("IT-ETC-2", "本区事项", 0)));
        Files.writeString(appliance.home.resolve("etc/onewindow/catalog/20-broken.json"),
                CatalogFiles.array(CatalogFiles.item("IT-ETC-3", "坏文件", -1)));
    }

    @AfterClass
    public static void stop() {
        appliance.kill();
    }

    @Test
    public void dataSurvivesARestart() throws Exception {
        appliance.start();
        long items = appliance.http.get("/catalog/items?size=1", "clerk").json().path("total").asLong();
        assertEquals("the hall's file, neither the broken file nor the demo catalog", 2, items);
        assertEquals(200, appliance.http.get("/catalog/items/IT-ETC-1", "clerk").status);
        assertEquals(200, appliance.http.postJson("/catalog/items", "admin",
                CatalogFiles.array(CatalogFiles.item("IT-RESTART-1", "重启", 4))).status);
        assertEquals(200, appliance.http.postJson("/catalog/items", "admin",
                CatalogFiles.array(CatalogFiles.item("IT-RESTART-1", "重启", 2))).status);
        String before = appliance.http.get("/catalog/export", "admin").body;
        appliance.stopGracefully();

        appliance.start();
        assertEquals(before, appliance.http.get("/catalog/export", "admin").body);
        assertEquals(items + 1, appliance.http.get("/catalog/items?size=1", "clerk").json().path("total").asLong());
        assertEquals(4, appliance.http.get("/catalog/items/IT-RESTART-1?version=1", "clerk").json().path("timeLimitDays").asInt());
        assertTrue("the database lives under data/", Files.isDirectory(appliance.home.resolve("data/onewindow/derby")));
        appliance.stopGracefully();
    }
}
