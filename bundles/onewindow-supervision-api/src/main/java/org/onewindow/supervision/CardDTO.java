package org.onewindow.supervision;

/** A yellow or red card: a case running late, or a violation of the catalog (R3). */
public class CardDTO {
    /** {@code DEADLINE} for a case's clock, {@code VIOLATION} for a demand beyond the catalog. */
    public String kind;
    public CardColor color;
    public String caseNo;
    public String itemCode;
    public String itemName;
    public String departmentCode;
    public String departmentName;
    public String clerk;
    public String reviewer;
    /** The case's status when the card was last checked. */
    public String status;
    /** yyyy-MM-dd */
    public String deadline;
    /** Working days left until the deadline; negative: working days overdue. */
    public Integer workingDaysLeft;
    /** Whether the clock stands still (a supplement is awaited). */
    public boolean suspended;
    /** Since when the card has its colour (for a violation: when it happened). */
    public String since;
    /** For a violation: what was demanded, and by whom. */
    public String detail;
}
