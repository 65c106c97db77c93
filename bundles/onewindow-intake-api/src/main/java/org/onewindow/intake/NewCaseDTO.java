package org.onewindow.intake;

import java.util.List;

/** What the window takes in: the item, who applies (and who for them), and the materials handed over. */
public class NewCaseDTO {
    public String itemCode;
    public PartyDTO applicant;
    /** Someone applying on the applicant's behalf (代办人), or null. */
    public PartyDTO agent;
    /** Defaults to {@link Channel#WINDOW}. */
    public Channel channel;
    /** Codes of the catalog materials received. */
    public List<String> materials;
}
