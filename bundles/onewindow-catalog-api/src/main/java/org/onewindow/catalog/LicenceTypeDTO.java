package org.onewindow.catalog;

/**
 * A kind of electronic licence (证照类型) in the catalog exchange format: what materials name as
 * {@link MaterialDTO#licenceType} and what an item issues as {@link CatalogItemDTO#resultLicenceType}.
 */
public class LicenceTypeDTO {
    /** Unique code, e.g. {@code RESIDENT_ID_CARD}. */
    public String code;
    /** The name printed on it, e.g. 居民身份证. */
    public String name;
    /** Who may hold it. */
    public HolderKind holderKind;
    /** How many years a newly issued one is valid; absent means it does not expire (长期有效). */
    public Integer validityYears;

    /** Who may hold a licence of a type. */
    public enum HolderKind {
        /** A person, by resident ID number. */
        PERSON,
        /** A company or other organisation, by unified social credit code. */
        ORGANISATION,
        /** Either. */
        ANY
    }
}
