package org.onewindow.catalog;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The service catalog. Failures are {@link org.onewindow.problem.Problem}s with stable codes:
 * {@code ITEM_NOT_FOUND}, {@code VERSION_NOT_FOUND}, {@code CATALOG_INVALID},
 * {@code CATALOG_EMPTY}, {@code CATALOG_VERSION_CONFLICT}, {@code CATALOG_CONCURRENT_UPDATE}, {@code INVALID_QUERY}.
 */
@ProviderType
public interface CatalogService {

    /** Searches the current versions. */
    CatalogPage search(CatalogQuery query);

    /** The current version of an item, with its materials. */
    CatalogItemDTO get(String code);

    /** A given version of an item, current or not, with its materials. */
    CatalogItemDTO get(String code, int version);

    /** The version numbers an item has had, oldest first. */
    List<Integer> versions(String code);

    /** Every department that owns a current item, by code. */
    List<DepartmentDTO> departments();

    /**
     * Imports items in the exchange format, all or nothing: if any item is invalid, or was edited
     * from a version that is no longer current, nothing is written and the problem names every
     * bad item and field. A changed item gets a new version; an identical one is left alone.
     *
     * @param actor who imports, for the record
     */
    ImportResultDTO importItems(List<CatalogItemDTO> items, String actor);

    /** Every current item with its materials, in the exchange format, by code. */
    List<CatalogItemDTO> export();

    /** The number of items (current versions). */
    long count();
}
