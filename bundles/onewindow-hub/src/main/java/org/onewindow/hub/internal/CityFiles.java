package org.onewindow.hub.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import javax.sql.DataSource;

import org.onewindow.db.Jdbc;
import org.onewindow.problem.Problem;
import org.onewindow.problem.ProblemKind;
import org.onewindow.replication.CaseFilesDTO;
import org.onewindow.replication.FileCopyDTO;
import org.onewindow.replication.FileUploadDTO;
import org.onewindow.replication.HubMessageDTO;
import org.onewindow.rest.Json;
import org.onewindow.security.Hmac;

/**
 * Files on demand ({@code HUB_FILE}): a city user asks for a case's scanned files, the hub leaves a
 * {@code FILES_REQUEST} for the case's district, and the district sends them, signed; each file is
 * kept once per case, checked against its SHA-256.
 */
final class CityFiles {
    /** A file's bytes and what to serve them as. */
    static final class Content {
        String name;
        String contentType;
        byte[] bytes;
    }

    private final DataSource dataSource;

    CityFiles(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Asks the case's district for its files, unless a request is still on its way; the hub speaks as {@code hub}. */
    CaseFilesDTO request(String caseNo, String hub, Instant now) {
        return Jdbc.tx(dataSource, c -> {
            String district = districtOf(c, caseNo);
            if (pending(c, caseNo) == null) {
                Jdbc.update(c, "INSERT INTO HUB_MESSAGE (MESSAGE_KEY, KIND, CASE_NO, FROM_DISTRICT, TO_DISTRICT, PAYLOAD, CREATED_AT)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)", "files:" + caseNo + ":" + now.toEpochMilli(), HubMessageDTO.FILES_REQUEST, caseNo,
                        hub, district, Json.write(Map.of("caseNo", caseNo)), now);
            }
            return list(c, caseNo, district);
        });
    }

    CaseFilesDTO list(String caseNo) {
        return Jdbc.tx(dataSource, c -> list(c, caseNo, districtOf(c, caseNo)));
    }

    /** A district's files of one of its own cases; those the hub has are skipped. Returns how many were new. */
    int store(String district, FileUploadDTO upload, Instant now) {
        if (upload == null || upload.caseNo == null || upload.files == null) {
            throw Problem.badRequest("INVALID_FILES", "须有 caseNo 与 files");
        }
        if (!upload.caseNo.startsWith(district + "-")) {
            throw new Problem(ProblemKind.FORBIDDEN, "FOREIGN_RECORD", "办件 " + upload.caseNo + " 不属于区县 " + district);
        }
        return Jdbc.tx(dataSource, c -> {
            districtOf(c, upload.caseNo);
            int stored = 0;
            for (FileCopyDTO f : upload.files) {
                byte[] bytes = decoded(f);
                if (exists(c, upload.caseNo, f.sha256)) {
                    continue;
                }
                Jdbc.update(c, "INSERT INTO HUB_FILE (CASE_NO, DISTRICT, FILE_NAME, CONTENT_TYPE, SIZE_BYTES, SHA256, CONTENT, ARRIVED_AT)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", upload.caseNo, district, Districts.limit(f.name, 255), Districts.limit(f.contentType, 100),
                        bytes.length, f.sha256, f.contentBase64, now);
                stored++;
            }
            return stored;
        });
    }

    Content content(String caseNo, long id) {
        return Jdbc.tx(dataSource, c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT FILE_NAME, CONTENT_TYPE, CONTENT FROM HUB_FILE WHERE CASE_NO = ? AND ID = ?")) {
                Jdbc.bind(s, caseNo, id);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        throw Problem.notFound("FILE_NOT_FOUND", "枢纽没有办件 " + caseNo + " 的文件 " + id);
                    }
                    Content out = new Content();
                    out.name = rs.getString(1);
                    out.contentType = rs.getString(2);
                    out.bytes = Base64.getDecoder().decode(rs.getString(3));
                    return out;
                }
            }
        });
    }

    private static byte[] decoded(FileCopyDTO f) {
        byte[] bytes;
        try {
            bytes = f == null || f.contentBase64 == null ? null : Base64.getDecoder().decode(f.contentBase64);
        } catch (IllegalArgumentException e) {
            bytes = null;
        }
        if (bytes == null || f.name == null || f.contentType == null || f.sha256 == null || !f.sha256.equals(Hmac.sha256(bytes))) {
            throw Problem.badRequest("INVALID_FILES", "文件须有 name、contentType、contentBase64，且 sha256 与内容相符");
        }
        return bytes;
    }

    private static CaseFilesDTO list(Connection c, String caseNo, String district) throws SQLException {
        CaseFilesDTO out = new CaseFilesDTO();
        out.caseNo = caseNo;
        out.district = district;
        try (PreparedStatement s = c.prepareStatement("SELECT ID, FILE_NAME, CONTENT_TYPE, SIZE_BYTES, SHA256, ARRIVED_AT FROM HUB_FILE"
                + " WHERE CASE_NO = ? ORDER BY ID")) {
            Jdbc.bind(s, caseNo);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    CaseFilesDTO.CaseFileDTO f = new CaseFilesDTO.CaseFileDTO();
                    f.id = rs.getLong(1);
                    f.name = rs.getString(2);
                    f.contentType = rs.getString(3);
                    f.size = rs.getLong(4);
                    f.sha256 = rs.getString(5);
                    f.arrivedAt = Jdbc.instant(rs.getTimestamp(6));
                    out.files.add(f);
                }
            }
        }
        try (PreparedStatement s = c.prepareStatement("SELECT MAX(CREATED_AT) FROM HUB_MESSAGE WHERE CASE_NO = ? AND KIND = ?")) {
            Jdbc.bind(s, caseNo, HubMessageDTO.FILES_REQUEST);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                out.requestedAt = Jdbc.instant(rs.getTimestamp(1));
            }
        }
        out.pending = pending(c, caseNo) != null;
        return out;
    }

    private static Timestamp pending(Connection c, String caseNo) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT MAX(CREATED_AT) FROM HUB_MESSAGE WHERE CASE_NO = ? AND KIND = ?"
                + " AND DELIVERED_AT IS NULL")) {
            Jdbc.bind(s, caseNo, HubMessageDTO.FILES_REQUEST);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getTimestamp(1);
            }
        }
    }

    private static String districtOf(Connection c, String caseNo) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT DISTRICT FROM HUB_CASE WHERE CASE_NO = ?")) {
            Jdbc.bind(s, caseNo);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw Problem.notFound("CASE_NOT_FOUND", "全市办件索引中没有 " + caseNo);
                }
                return rs.getString(1);
            }
        }
    }

    private static boolean exists(Connection c, String caseNo, String sha256) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM HUB_FILE WHERE CASE_NO = ? AND SHA256 = ?")) {
            Jdbc.bind(s, caseNo, sha256);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }
}
