package org.onewindow.replication;

/**
 * A message the hub keeps for a district until that district acknowledges it (全市通办): a case
 * handed over to it ({@code HANDOVER}), the deciding district's receipt ({@code RECEIPT}), its
 * decision ({@code DECISION}) or extension of the time limit ({@code EXTENSION}), the applicant's
 * withdrawal at the accepting window ({@code WITHDRAWAL}); and the hub's own request for a case's
 * scanned files ({@code FILES_REQUEST}, files on demand).
 */
public class HubMessageDTO {
    public static final String HANDOVER = "HANDOVER";
    public static final String RECEIPT = "RECEIPT";
    public static final String DECISION = "DECISION";
    public static final String EXTENSION = "EXTENSION";
    public static final String WITHDRAWAL = "WITHDRAWAL";
    /** The hub asks a district for a case's scanned files (files on demand). */
    public static final String FILES_REQUEST = "FILES_REQUEST";

    public long id;
    public String kind;
    /** Unique per message: a message made twice is one. */
    public String key;
    public String caseNo;
    public String fromDistrict;
    public String toDistrict;
    /**
     * JSON: the handover's payload; the receipt's delivery key; the deciding district's case for a
     * decision or extension; the case number for a withdrawal.
     */
    public String payload;
    public String createdAt;
    /** When the recipient acknowledged it; null while it waits. */
    public String deliveredAt;
    /** What the recipient reported when it could not apply it yet. */
    public String lastError;
}
