package org.onewindow.replication;

import java.util.ArrayList;
import java.util.List;

/** A district's scanned files of one of its cases, sent to the hub that asked for them (files on demand). */
public class FileUploadDTO {
    public String caseNo;
    public List<FileCopyDTO> files = new ArrayList<>();
}
