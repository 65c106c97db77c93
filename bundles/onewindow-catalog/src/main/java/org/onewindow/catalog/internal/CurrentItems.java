package org.onewindow.catalog.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.onewindow.catalog.CatalogItemDTO;
import org.onewindow.rest.Json;

/**
 * The current version of each item as the catalog answers it, kept in memory between two changes of the catalog. Every
 * case taken in and every appointment booked asks for its item; read from the database each time, under 200 citizens
 * booking at once the readers queued on the lock of the item's entry in EclipseLink's shared cache (JFR, issue 21).
 * <p>
 * An item is kept as its JSON, so that every caller gets a copy of its own to change. A change of the catalog clears
 * what is kept ({@link #clear}); a read that began before the change and ends after it does not keep what it read.
 */
final class CurrentItems {
    private final Map<String, byte[]> items = new ConcurrentHashMap<>();
    /** Changes of the catalog so far: a read keeps its item only if none came while it read. */
    private final AtomicLong changes = new AtomicLong();

    /** The item {@code code} as kept, or as {@code load} reads it (which throws when there is none: nothing is kept). */
    CatalogItemDTO get(String code, Function<String, CatalogItemDTO> load) {
        byte[] kept = items.get(code);
        if (kept != null) {
            return copy(kept);
        }
        long before = changes.get();
        CatalogItemDTO item = load.apply(code);
        byte[] json = Json.bytes(item);
        items.put(code, json);
        // the catalog changed while this was read (clear() counts first, then clears): what was read may be the old item
        if (changes.get() != before) {
            items.remove(code, json);
        }
        return copy(json);
    }

    /** The catalog changed: what is kept goes. */
    void clear() {
        changes.incrementAndGet();
        items.clear();
    }

    private static CatalogItemDTO copy(byte[] json) {
        try {
            return Json.mapper().readValue(json, CatalogItemDTO.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
