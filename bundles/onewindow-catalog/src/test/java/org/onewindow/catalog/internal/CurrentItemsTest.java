package org.onewindow.catalog.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotSame;
import static org.junit.Assert.fail;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.Test;
import org.onewindow.catalog.CatalogItemDTO;
import org.onewindow.problem.Problem;

/** The current items kept between two changes of the catalog: read once, a copy for each caller, gone at a change. */
public class CurrentItemsTest {
    private final CurrentItems current = new CurrentItems();
    private final AtomicInteger reads = new AtomicInteger();

    private CatalogItemDTO read(String code) {
        reads.incrementAndGet();
        CatalogItemDTO item = Items.item(code);
        item.version = reads.get();
        return item;
    }

    @Test
    public void readOnceUntilTheCatalogChanges() {
        assertEquals(1, (int) current.get("GA-001", this::read).version);
        assertEquals(1, (int) current.get("GA-001", this::read).version);
        assertEquals(1, reads.get());
        current.clear();
        assertEquals("a change of the catalog is seen at the next get", 2, (int) current.get("GA-001", this::read).version);
        assertEquals(2, reads.get());
    }

    @Test
    public void everyCallerGetsACopyOfItsOwn() {
        CatalogItemDTO first = current.get("GA-001", this::read);
        first.name = "changed by a caller";
        first.materials.clear();
        CatalogItemDTO second = current.get("GA-001", this::read);
        assertNotSame(first, second);
        assertEquals("居民身份证换领", second.name);
        assertEquals(1, second.materials.size());
    }

    @Test
    public void aReadThatACatalogChangeOvertookIsNotKept() {
        // the import commits and clears while this read is under way: what it read may be the old version
        CatalogItemDTO overtaken = current.get("GA-001", code -> {
            CatalogItemDTO old = read(code);
            current.clear();
            return old;
        });
        assertEquals(1, (int) overtaken.version);
        assertEquals(2, (int) current.get("GA-001", this::read).version);
        assertEquals(2, (int) current.get("GA-001", this::read).version);
    }

    @Test
    public void anItemNotFoundIsNotKept() {
        for (int i = 0; i < 2; i++) {
            try {
                current.get("NONE", code -> {
                    reads.incrementAndGet();
                    throw Problem.notFound("ITEM_NOT_FOUND", "no " + code);
                });
                fail("found");
            } catch (Problem expected) {
                assertEquals("ITEM_NOT_FOUND", expected.code());
            }
        }
        assertEquals(2, reads.get());
    }
}
