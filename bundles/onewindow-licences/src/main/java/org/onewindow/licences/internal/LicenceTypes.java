package org.onewindow.licences.internal;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.onewindow.catalog.CatalogService;
import org.onewindow.catalog.LicenceTypeDTO;

/** The catalog's licence types, read again when older than {@link #TTL_NANOS}: every lookup names them, every new licence is checked against its type. */
final class LicenceTypes {
    /** A licence type added to the catalog is known to imports within this time. */
    private static final long TTL_NANOS = 30_000_000_000L;

    private final CatalogService catalog;
    private volatile Known known;

    LicenceTypes(CatalogService catalog) {
        this.catalog = catalog;
    }

    /** The types by code. */
    Map<String, LicenceTypeDTO> byCode() {
        return known().byCode();
    }

    /** The types' names by code. */
    Map<String, String> names() {
        return known().names();
    }

    private Known known() {
        Known k = known;
        if (k == null || System.nanoTime() - k.readAt() > TTL_NANOS) {
            k = Known.of(catalog.licenceTypes(), System.nanoTime());
            known = k;
        }
        return k;
    }

    /** The licence types as read at one time, by code and their names by code. */
    private record Known(Map<String, LicenceTypeDTO> byCode, Map<String, String> names, long readAt) {
        static Known of(List<LicenceTypeDTO> types, long readAt) {
            return new Known(types.stream().collect(Collectors.toMap(t -> t.code, t -> t)),
                    types.stream().collect(Collectors.toMap(t -> t.code, t -> t.name)), readAt);
        }
    }
}
