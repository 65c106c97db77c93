package org.onewindow.replication;

import java.util.List;

/** Records a district ships in one request, in sequence order. */
public class BatchDTO {
    public String district;
    public String version;
    /** The district's highest journal number when it sent this: the hub derives the backlog from it. */
    public long journalLastSeq;
    public List<RecordDTO> records;
}
