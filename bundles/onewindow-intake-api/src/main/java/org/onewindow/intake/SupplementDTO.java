package org.onewindow.intake;

import java.util.List;

/** A request for more or corrected materials (补正); only materials the item's catalog entry lists may be named. */
public class SupplementDTO {
    /** Catalog material codes of the case's item. */
    public List<String> materials;
    public String note;
}
