package org.onewindow.scanning.internal;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

import org.onewindow.scanning.ScanDTO;

/** A scanned file of a case (metadata; the bytes are in the content store). */
@Entity
@Table(name = "SCAN_FILE")
public class ScanEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "CASE_NO")
    String caseNo;

    int seq;

    @Column(name = "FILE_NAME")
    String fileName;

    @Column(name = "CONTENT_TYPE")
    String contentType;

    @Column(name = "SIZE_BYTES")
    long size;

    @Column(name = "SHA256")
    String sha256;

    @Column(name = "UPLOADED_BY")
    String uploadedBy;

    @Column(name = "UPLOADED_AT")
    Instant uploadedAt;

    ScanDTO toDTO() {
        ScanDTO dto = new ScanDTO();
        dto.id = id;
        dto.caseNo = caseNo;
        dto.seq = seq;
        dto.fileName = fileName;
        dto.contentType = contentType;
        dto.size = size;
        dto.sha256 = sha256;
        dto.uploadedBy = uploadedBy;
        dto.uploadedAt = uploadedAt.toString();
        return dto;
    }
}
