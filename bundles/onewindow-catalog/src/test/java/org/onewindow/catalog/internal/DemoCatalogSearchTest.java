package org.onewindow.catalog.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.BeforeClass;
import org.junit.Test;
import org.onewindow.catalog.CatalogItemDTO;

/**
 * The words a new hall's first morning tried (issue 19) against the demo catalog's search texts, matched as the
 * database matches them: the query compacted, contained in the text.
 */
public class DemoCatalogSearchTest {
    private static List<CatalogItemDTO> items;
    private static List<String> texts;

    @BeforeClass
    public static void load() throws IOException {
        try (InputStream in = DemoCatalogSearchTest.class.getResourceAsStream(InitialCatalog.DEMO_CATALOG)) {
            items = CatalogJson.read(in.readAllBytes());
        }
        texts = items.stream().map(i -> SearchText.of(i.code, i.name, ItemEntity.keptKeywords(i.keywords))).collect(Collectors.toList());
    }

    private static List<String> find(String q) {
        String k = SearchText.compact(q);
        return java.util.stream.IntStream.range(0, items.size()).filter(i -> texts.get(i).contains(k)).mapToObj(i -> items.get(i).name)
                .collect(Collectors.toList());
    }

    @Test
    public void commonWordsFindTheirItems() {
        assertTrue(find("营业执照").toString(), find("营业执照").containsAll(List.of("个体工商户设立登记", "有限责任公司设立登记")));
        assertTrue(find("户籍").toString(), find("户籍").contains("户口迁入登记"));
        assertTrue(find("身份证丢了").contains("居民身份证补领"));
    }

    @Test
    public void pinyinAndInitialsFindTheirItems() {
        assertEquals(List.of("户口迁入登记"), find("hkqr"));
        assertTrue(find("hukou").contains("户口迁入登记"));
        assertTrue(find("HK QR").contains("户口迁入登记"));
        assertTrue(find("yyzz").contains("个体工商户设立登记"));
        assertTrue("行业 is hángyè", find("tezhonghangye").contains("旅馆业特种行业许可证核发"));
        assertTrue(find("gjj").contains("购买自住住房提取住房公积金"));
    }

    @Test
    public void everyDemoItemHasKeywordsWithinTheRules() {
        assertEquals(List.of(), CatalogValidator.validate(items, items.stream().map(i -> i.code).collect(Collectors.toList())));
        items.forEach(i -> assertTrue(i.code, i.keywords != null && !i.keywords.isEmpty()));
        texts.forEach(t -> assertTrue(t.length() < SearchText.MAX_LENGTH));
    }
}
