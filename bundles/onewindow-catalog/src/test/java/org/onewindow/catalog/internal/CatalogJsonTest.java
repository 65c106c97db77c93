package org.onewindow.catalog.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.Test;
import org.onewindow.catalog.CatalogItemDTO;
import org.onewindow.problem.Problem;

public class CatalogJsonTest {

    @Test
    public void everyBadItemIsNamedNotJustTheFirst() {
        String json = "[{\"code\":\"A-1\",\"kind\":\"FOO\"}, {\"code\":\"A-2\",\"nmae\":\"typo\"}, {\"timeLimitDays\":\"x\"}]";
        try {
            CatalogJson.read(json.getBytes(StandardCharsets.UTF_8));
            fail("bad file must be refused");
        } catch (Problem e) {
            assertEquals("CATALOG_INVALID", e.code());
            Set<String> where = e.details().stream().map(p -> p.item + " " + p.field).collect(Collectors.toSet());
            assertTrue(where.toString(), where.containsAll(Set.of("A-1 kind", "A-2 nmae", "#3 timeLimitDays")));
        }
    }

    @Test
    public void malformedJsonAndWrongShapeAreRefused() {
        assertCode("MALFORMED_JSON", "[{\"code\": ");
        assertCode("CATALOG_INVALID", "{\"code\": \"A-1\"}");
        assertCode("CATALOG_EMPTY", "[]");
    }

    @Test
    public void demoCatalogIsValidAndLargeEnough() throws IOException {
        try (InputStream in = CatalogJsonTest.class.getResourceAsStream(InitialCatalog.DEMO_CATALOG)) {
            List<CatalogItemDTO> items = CatalogJson.read(in.readAllBytes());
            List<String> labels = items.stream().map(i -> i.code).collect(Collectors.toList());
            assertEquals(List.of(), CatalogValidator.validate(items, labels));
            assertTrue(items.size() >= 40);
            Set<String> departments = new HashSet<>();
            items.forEach(i -> departments.add(i.department.code));
            assertTrue(departments.size() >= 10);
            assertTrue(items.stream().anyMatch(i -> i.timeLimitDays == 0));
            assertTrue(items.stream().anyMatch(i -> i.crossDistrict));
            assertTrue(items.stream().anyMatch(i -> i.online));
            assertTrue(items.stream().anyMatch(i -> i.fee.signum() > 0));
        }
    }

    private static void assertCode(String code, String json) {
        try {
            CatalogJson.read(json.getBytes(StandardCharsets.UTF_8));
            fail("must be refused: " + json);
        } catch (Problem e) {
            assertEquals(code, e.code());
        }
    }
}
