package org.onewindow.intake;

import org.onewindow.problem.MultiLine;
import java.util.List;

/** A request for more or corrected materials (补正); only materials the item's catalog entry lists may be named. */
public class SupplementDTO {
    /** Catalog material codes of the case's item. */
    public List<String> materials;
    @MultiLine
    public String note;
}
