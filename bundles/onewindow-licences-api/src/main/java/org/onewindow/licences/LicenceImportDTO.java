package org.onewindow.licences;

/** The outcome of a bulk import that went through. */
public class LicenceImportDTO {
    public int imported;
    public long millis;
}
