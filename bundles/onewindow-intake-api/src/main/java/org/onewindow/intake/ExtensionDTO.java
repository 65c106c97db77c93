package org.onewindow.intake;

/** An extension of a case's time limit (延期), approved by the head of the department. */
public class ExtensionDTO {
    /**
     * Working days added, at least 1 and at most what the item's extension rule allows for one extension (art. 42 of
     * the Administrative Licensing Law, the default: 10).
     */
    public int days;
    public String reason;
    /** Who approved the extension (the department's responsible official). */
    public String approvedBy;
}
