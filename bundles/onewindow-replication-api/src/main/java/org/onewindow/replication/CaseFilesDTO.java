package org.onewindow.replication;

import java.util.ArrayList;
import java.util.List;

/** The scanned files of a case the hub has fetched from its district, and whether a request is on its way. */
public class CaseFilesDTO {
    public String caseNo;
    public String district;
    /** Files as the district sent them, without their bytes (read each by its id). */
    public List<CaseFileDTO> files = new ArrayList<>();
    /** When the newest request was made; null if none was. */
    public String requestedAt;
    /** A request the district has not answered yet. */
    public boolean pending;

    /** One file at the hub. */
    public static class CaseFileDTO {
        public long id;
        public String name;
        public String contentType;
        public long size;
        public String sha256;
        public String arrivedAt;
    }
}
