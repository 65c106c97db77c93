package org.onewindow.catalog;

import java.util.List;

/** The result of an accepted import, item by item in file order. */
public class ImportResultDTO {
    public int created;
    public int newVersions;
    public int unchanged;
    public List<ImportedItemDTO> items;
}
