package org.onewindow.audit;

import java.time.Instant;
import java.util.List;

/** What the auditor (or a capability's own view) looks for in the trail; every field may be left empty. */
public class AuditQuery {
    /** The actor's name, exactly. */
    public String actor;
    /** The citizen's ID number, whole: found through its keyed hash. */
    public String citizenId;
    public String caseNo;
    /** Any of these actions. */
    public List<String> actions = List.of();
    public String objectKind;
    public String objectKey;
    /** From this instant on (included). */
    public Instant from;
    /** Before this instant (excluded). */
    public Instant to;
    /** Newest first: records below this sequence number (the next page); null for the newest. */
    public Long beforeSeq;
    /** At most this many, 1 to 1000. */
    public int limit = 100;
}
