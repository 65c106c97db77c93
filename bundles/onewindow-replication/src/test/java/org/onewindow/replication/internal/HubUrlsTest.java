package org.onewindow.replication.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;

import org.junit.Test;
import org.onewindow.problem.Problem;

public class HubUrlsTest {

    @Test
    public void aBaseUrlIsTakenWithoutItsTrailingSlashes() {
        assertEquals("https://hub.city.gov.cn:8443", HubUrls.check(" https://hub.city.gov.cn:8443// "));
        assertEquals("http://10.0.0.5:8181", HubUrls.check("http://10.0.0.5:8181"));
    }

    @Test
    public void anythingElseIsRefused() {
        for (String bad : new String[] {null, "", "hub.city.gov.cn", "ftp://hub:21", "https://hub/api/v1", "https://", "http://a b"}) {
            try {
                HubUrls.check(bad);
                fail("accepted " + bad);
            } catch (Problem expected) {
                assertEquals(bad, "INVALID_HUB_URL", expected.code());
            }
        }
    }
}
