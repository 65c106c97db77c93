package org.onewindow.catalog;

import java.util.List;

/** One page of search results (items without materials) and the total number of matches. */
public class CatalogPage {
    public List<CatalogItemDTO> items;
    public long total;
    public int page;
    public int size;
}
