package org.onewindow.replication;

import java.util.List;

import org.onewindow.audit.AuditRecord;

/** Records a district ships in one request, in sequence order, and the records of its audit trail that follow. */
public class BatchDTO {
    public String district;
    public String version;
    /** The district's highest journal number when it sent this: the hub derives the backlog from it. */
    public long journalLastSeq;
    /**
     * The number the district ships after (what it holds the hub acknowledged), and the {@link RecordDigests digest} of its
     * own record there: the hub takes records only once the district's record at the hub's acknowledged number is the one
     * it acknowledged. Null from a district of before (2.1), which the hub takes as before, unchecked.
     */
    public Long after;
    public String afterDigest;
    public List<RecordDTO> records;
    /**
     * The audit trail's records after {@link #auditAfter}, oldest first, whole with their hashes: the hub checks that each
     * follows the one before and keeps its copy. Sent only to a hub that answered with {@link AckDTO#auditAcked}.
     */
    public List<AuditRecord> audit;
    /** The audit record the district believes the hub has last: {@link #audit} is every record after it. */
    public Long auditAfter;
}
