package org.onewindow.replication;

/** A scanned file travelling between nodes (a case handed to another district, files on demand): metadata and bytes. */
public class FileCopyDTO {
    public String name;
    public String contentType;
    public long size;
    /** SHA-256 of the bytes, hex; the receiver checks it. */
    public String sha256;
    public String contentBase64;
}
