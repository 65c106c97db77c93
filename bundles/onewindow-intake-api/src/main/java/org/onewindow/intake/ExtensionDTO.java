package org.onewindow.intake;

/** An extension of a case's time limit (延期), approved by the head of the department. */
public class ExtensionDTO {
    /** Working days added, 1 to 30. */
    public int days;
    public String reason;
    /** Who approved the extension (the department's responsible official). */
    public String approvedBy;
}
