package org.onewindow.rest.internal;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

public class TemplatesTest {

    @Test
    public void theEndpointIsTheTemplateNeverThePathAsSent() {
        assertEquals("/api/v1/cases/{caseNo}/materials", Templates.endpoint("/v1/cases", new String[] {"/", "/{caseNo}/materials"}));
        assertEquals("/api/v1/cases", Templates.endpoint("/v1/cases", new String[] {"/", "/"}));
        assertEquals("/api/v1/catalog/items", Templates.endpoint("/v1/catalog", new String[] {"", "items"}));
    }

    @Test
    public void aVariablesRegularExpressionIsDropped() {
        assertEquals("/api/{any}", Templates.endpoint("/", new String[] {"/", "{any: .*}"}));
        assertEquals("/api/v1/scans/{sha}/{name}", Templates.endpoint("/v1/scans", new String[] {"/", "{sha : [0-9a-f]{64}}/{name}"}));
    }

    @Test
    public void nothingMatchedIsOneLabel() {
        assertEquals(Templates.UNMATCHED, Templates.endpoint("/v1/cases", null));
    }
}
