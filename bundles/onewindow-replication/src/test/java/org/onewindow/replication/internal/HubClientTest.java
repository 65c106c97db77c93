package org.onewindow.replication.internal;

import static org.junit.Assert.assertEquals;

import java.util.List;

import org.junit.Test;
import org.onewindow.catalog.CatalogItemDTO;

public class HubClientTest {

    @Test
    public void aCatalogFromANewerHubIsReadWithoutTheFieldsThisReleaseDoesNotKnow() throws Exception {
        List<CatalogItemDTO> items = HubClient.cityCatalog(
                "[{\"code\":\"CITY-001\",\"name\":\"全市统一事项\",\"timeLimitDays\":5,\"version\":3,\"aFieldOfALaterRelease\":{\"x\":1}}]");
        assertEquals(1, items.size());
        assertEquals("CITY-001", items.get(0).code);
        assertEquals(Integer.valueOf(5), items.get(0).timeLimitDays);
    }
}
