package org.onewindow.intake;

/**
 * The window's one search box: a case number, a pickup code, an ID number (the applicant's or the agent's), a name
 * or a mobile. Sent as a request body, never in a path or a query string, so that no access log prints an ID number.
 */
public class CaseLookupDTO {
    public String q;
    public int page = 1;
    public int size = 20;
}
