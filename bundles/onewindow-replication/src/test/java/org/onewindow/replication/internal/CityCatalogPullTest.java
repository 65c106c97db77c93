package org.onewindow.replication.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;

import org.junit.Test;
import org.onewindow.catalog.CatalogItemDTO;

public class CityCatalogPullTest {

    @Test
    public void anItemsContentIsComparedWithoutItsVersionNumber() {
        CatalogItemDTO atCity = item("全市统一事项", 7);
        assertEquals("the hub's and a district's numbers differ", CityCatalogPull.contentHash(atCity),
                CityCatalogPull.contentHash(item("全市统一事项", 2)));
        assertNotEquals(CityCatalogPull.contentHash(atCity), CityCatalogPull.contentHash(item("本区自行修改", 7)));
    }

    private static CatalogItemDTO item(String name, int version) {
        CatalogItemDTO item = new CatalogItemDTO();
        item.code = "CITY-001";
        item.name = name;
        item.timeLimitDays = 5;
        item.version = version;
        return item;
    }
}
