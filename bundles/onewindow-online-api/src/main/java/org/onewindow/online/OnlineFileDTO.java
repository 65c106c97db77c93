package org.onewindow.online;

/** A file uploaded for a material (its bytes are a scan of the case). */
public class OnlineFileDTO {
    public long scanId;
    public String fileName;
    public String contentType;
    public long size;
    public String uploadedAt;
}
