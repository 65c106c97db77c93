package org.onewindow.scanning;

/** One scanned file of a case. */
public class ScanDTO {
    public long id;
    public String caseNo;
    /** Order within the case: the pages of a paper keep their order. */
    public int seq;
    public String fileName;
    /** {@code image/jpeg}, {@code image/png} or {@code application/pdf}, found from the bytes. */
    public String contentType;
    public long size;
    public String sha256;
    public String uploadedBy;
    public String uploadedAt;
}
