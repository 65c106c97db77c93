package org.onewindow.intake;

/** A material of the case's pinned catalog version, and whether the window has it. */
public class CaseMaterialDTO {
    public String code;
    public String name;
    public boolean required;
    public String legalBasis;
    public boolean received;
}
