package org.onewindow.catalog;

/** One item of an import and the version it is at afterwards. */
public class ImportedItemDTO {
    public String code;
    public int version;
    public ImportOutcome outcome;
}
