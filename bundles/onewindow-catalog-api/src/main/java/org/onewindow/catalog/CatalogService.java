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
     * bad item and field (a licence type not in {@link #licenceTypes()} is a bad field). A changed
     * item gets a new version; an identical one is left alone.
     *
     * @param actor who imports, for the record
     */
    ImportResultDTO importItems(List<CatalogItemDTO> items, String actor);

    /**
     * What {@link #importItems} would do with {@code items}, item by item, without writing anything:
     * the same checks and problems, for a preview before the real import.
     */
    ImportResultDTO previewImport(List<CatalogItemDTO> items);

    /** Every current item with its materials, in the exchange format, by code. */
    List<CatalogItemDTO> export();

    /** Every licence type of the catalog, by code. */
    List<LicenceTypeDTO> licenceTypes();

    /** One licence type, or a {@code LICENCE_TYPE_NOT_FOUND} problem. */
    LicenceTypeDTO licenceType(String code);

    /**
     * Adds or changes licence types, all or nothing ({@code LICENCE_TYPES_INVALID} names every bad
     * entry). Types are never removed: licences and earlier item versions keep naming them.
     *
     * @return how many types were added or changed
     */
    int importLicenceTypes(List<LicenceTypeDTO> types, String actor);

    /** The number of items (current versions). */
    long count();
}
