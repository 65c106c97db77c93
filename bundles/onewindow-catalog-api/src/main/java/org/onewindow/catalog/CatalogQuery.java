package org.onewindow.catalog;

/** A search of the current catalog: text in name or code, a department, and a page. */
public class CatalogQuery {
    public static final int MAX_SIZE = 500;
    public static final int DEFAULT_SIZE = 20;

    /** Matched anywhere in the item's name or code, ignoring case; null or blank matches all. */
    public String q;
    /** A department code; null for all. */
    public String department;
    /** 1-based page number. */
    public int page = 1;
    /** Items per page, 1 to {@value #MAX_SIZE}. */
    public int size = DEFAULT_SIZE;
}
