package org.onewindow.online.internal.applications;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

import org.onewindow.db.jpa.InstantColumns;
import org.onewindow.online.OnlineFileDTO;
import org.onewindow.scanning.ScanDTO;

/** Which material an uploaded file is for; its bytes are the case's scan {@code scanId}. */
@Entity
@Table(name = "ONLINE_FILE")
public class OnlineFileEntity {
    @Id
    @Column(name = "SCAN_ID")
    long scanId;

    @Column(name = "CASE_NO")
    String caseNo;

    @Column(name = "MATERIAL_CODE")
    String materialCode;

    @Column(name = "FILE_NAME")
    String fileName;

    @Column(name = "CONTENT_TYPE")
    String contentType;

    @Column(name = "FILE_SIZE")
    long size;

    @Column(name = "UPLOADED_AT")
    Instant uploadedAt;

    static OnlineFileEntity of(ScanDTO scan, String material) {
        OnlineFileEntity f = new OnlineFileEntity();
        f.scanId = scan.id;
        f.caseNo = scan.caseNo;
        f.materialCode = material;
        f.fileName = scan.fileName;
        f.contentType = scan.contentType;
        f.size = scan.size;
        f.uploadedAt = InstantColumns.now();
        return f;
    }

    OnlineFileDTO toDTO() {
        OnlineFileDTO dto = new OnlineFileDTO();
        dto.scanId = scanId;
        dto.fileName = fileName;
        dto.contentType = contentType;
        dto.size = size;
        dto.uploadedAt = uploadedAt.toString();
        return dto;
    }
}
