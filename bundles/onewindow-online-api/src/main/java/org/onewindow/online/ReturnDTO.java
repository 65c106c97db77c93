package org.onewindow.online;

import java.util.List;

/** Pre-review's one-time notice: the catalog materials to add or redo, and a note. */
public class ReturnDTO {
    public List<String> materials;
    public String note;
}
