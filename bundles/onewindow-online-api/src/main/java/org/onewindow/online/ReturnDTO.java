package org.onewindow.online;

import org.onewindow.problem.MultiLine;
import java.util.List;

/** Pre-review's one-time notice: the catalog materials to add or redo, and a note. */
public class ReturnDTO {
    public List<String> materials;
    @MultiLine
    public String note;
}
