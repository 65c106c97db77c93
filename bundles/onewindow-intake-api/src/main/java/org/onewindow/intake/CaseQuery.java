package org.onewindow.intake;

/** A search of cases; every field is optional. */
public class CaseQuery {
    public CaseStatus status;
    /** The applicant's ID number. */
    public String applicant;
    public String item;
    /** Taken in on or after this day (yyyy-MM-dd). */
    public String from;
    /** Taken in on or before this day (yyyy-MM-dd). */
    public String to;
    public int page = 1;
    public int size = 20;
}
