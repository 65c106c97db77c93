package org.onewindow.licences.internal;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.onewindow.catalog.LicenceTypeDTO;
import org.onewindow.catalog.LicenceTypeDTO.HolderKind;
import org.onewindow.citizen.IdNumbers;
import org.onewindow.citizen.IdType;
import org.onewindow.licences.LicenceStatus;
import org.onewindow.licences.NewLicenceDTO;
import org.onewindow.problem.ProblemDetail;

/**
 * Checks licences to be written and writes them over a JDBC connection: the caller's (an approval
 * issuing one in its own transaction) or the library's own (a bulk import, batched).
 */
final class LicenceRows {
    /** No slash (it would split the REST path) and no control characters; Chinese numbers such as 京(2024)… are fine. */
    static final Pattern NUMBER = Pattern.compile("[^/\\p{Cntrl}]{1,100}");
    static final Pattern DEPARTMENT = Pattern.compile("[A-Z0-9][A-Z0-9_.-]{0,31}");
    private static final int BATCH = 1000;
    private static final String INSERT = "INSERT INTO LICENCE (TYPE_CODE, LICENCE_NO, HOLDER_ID_TYPE, HOLDER_ID, HOLDER_NAME,"
            + " ISSUER_CODE, ISSUER_NAME, ISSUED_ON, VALID_FROM, VALID_TO, STATUS, REVOKED_AT, REVOCATION_REASON, CASE_NO,"
            + " DOCUMENT, DOCUMENT_REF, CREATED_AT, CREATED_BY) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private LicenceRows() {
    }

    /** The row checked, or {@code null} with every problem of it added to {@code problems} under {@code label}. */
    static LicenceRow check(NewLicenceDTO in, String label, Map<String, LicenceTypeDTO> types, LocalDate today,
            List<ProblemDetail> problems) {
        int before = problems.size();
        if (in == null) {
            problems.add(new ProblemDetail(label, null, "每行须为一个证照对象"));
            return null;
        }
        Fields f = new Fields(label, problems);
        LicenceRow r = new LicenceRow();
        r.type = f.text("type", in.type, 64);
        LicenceTypeDTO type = r.type == null ? null : types.get(r.type);
        if (r.type != null && type == null) {
            f.fail("type", "证照类型 " + r.type + " 不在证照类型目录中");
        }
        r.number = f.text("number", in.number, 100);
        if (r.number != null && !NUMBER.matcher(r.number).matches()) {
            f.fail("number", "证照编号不能含有 / 或控制字符");
        }
        r.holderIdType = in.holderIdType == null ? IdType.RESIDENT_ID : in.holderIdType;
        r.holderId = in.holderId == null ? null : in.holderId.strip().toUpperCase(Locale.ROOT);
        if (!IdNumbers.isValid(r.holderIdType, r.holderId)) {
            f.fail("holderId", "持证主体证件号码无效（" + r.holderIdType + "）：" + IdNumbers.mask(r.holderId));
        } else if (type != null && !holds(type.holderKind, r.holderIdType)) {
            f.fail("holderIdType", type.name + " 的持证主体须为" + (type.holderKind == HolderKind.PERSON ? "自然人（居民身份证号码）"
                    : "法人或其他组织（统一社会信用代码）"));
        }
        r.holderName = f.text("holderName", in.holderName, 200);
        r.issuerCode = f.text("issuerCode", in.issuerCode, 32);
        if (r.issuerCode != null && !DEPARTMENT.matcher(r.issuerCode).matches()) {
            f.fail("issuerCode", "发证部门编码须为大写字母、数字或 _.-");
        }
        r.issuerName = f.text("issuerName", in.issuerName, 100);
        r.issuedOn = f.date("issuedOn", in.issuedOn, true);
        if (r.issuedOn != null && r.issuedOn.isAfter(today)) {
            f.fail("issuedOn", "发证日期不能晚于今天");
        }
        LocalDate from = f.date("validFrom", in.validFrom, false);
        r.validFrom = from != null ? from : r.issuedOn;
        r.validTo = f.date("validTo", in.validTo, false);
        boolean noEndGiven = in.validTo == null || in.validTo.isBlank();
        if (noEndGiven && type != null && type.validityYears != null && r.validFrom != null) {
            r.validTo = r.validFrom.plusYears(type.validityYears).minusDays(1);
        }
        if (r.validTo != null && r.validFrom != null && r.validTo.isBefore(r.validFrom)) {
            f.fail("validTo", "有效期截止日期早于起始日期");
        }
        r.status = in.status == null ? LicenceStatus.VALID : in.status;
        if (r.status == LicenceStatus.EXPIRED) {
            f.fail("status", "过期由有效期截止日期（validTo）判断，请填写 validTo 而不是 EXPIRED");
        }
        r.revocationReason = f.optional("revocationReason", in.revocationReason, 500);
        if (r.status == LicenceStatus.REVOKED && r.revocationReason == null) {
            f.fail("revocationReason", "已撤销的证照须写明撤销理由");
        }
        r.caseNo = f.optional("caseNo", in.caseNo, 40);
        r.document = f.optional("document", in.document, 500);
        r.documentRef = f.optional("documentRef", in.documentRef, 500);
        return problems.size() == before ? r : null;
    }

    private static boolean holds(HolderKind kind, IdType idType) {
        return kind == HolderKind.ANY || (kind == HolderKind.PERSON) == (idType == IdType.RESIDENT_ID);
    }

    /**
     * The keys ({@code type number}) of {@code rows} that the library already has, by one point
     * lookup each on the unique index (an IN list over the second index column would scan).
     */
    static Set<String> existing(Connection c, Collection<LicenceRow> rows) throws SQLException {
        Set<String> taken = new HashSet<>();
        try (PreparedStatement q = c.prepareStatement("SELECT 1 FROM LICENCE WHERE TYPE_CODE = ? AND LICENCE_NO = ?")) {
            for (LicenceRow r : rows) {
                q.setString(1, r.type);
                q.setString(2, r.number);
                try (var rs = q.executeQuery()) {
                    if (rs.next()) {
                        taken.add(r.key());
                    }
                }
            }
        }
        return taken;
    }

    /** Writes the rows in batches on {@code c}, inside whatever transaction it is in. */
    static void insert(Connection c, List<LicenceRow> rows, String actor) throws SQLException {
        Timestamp now = new Timestamp(System.currentTimeMillis());
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            int pending = 0;
            for (LicenceRow r : rows) {
                ps.setString(1, r.type);
                ps.setString(2, r.number);
                ps.setString(3, r.holderIdType.name());
                ps.setString(4, r.holderId);
                ps.setString(5, r.holderName);
                ps.setString(6, r.issuerCode);
                ps.setString(7, r.issuerName);
                ps.setDate(8, Date.valueOf(r.issuedOn));
                ps.setDate(9, Date.valueOf(r.validFrom));
                if (r.validTo == null) {
                    ps.setNull(10, Types.DATE);
                } else {
                    ps.setDate(10, Date.valueOf(r.validTo));
                }
                ps.setString(11, r.status.name());
                if (r.status == LicenceStatus.REVOKED) {
                    ps.setTimestamp(12, now);
                } else {
                    ps.setNull(12, Types.TIMESTAMP);
                }
                ps.setString(13, r.revocationReason);
                ps.setString(14, r.caseNo);
                ps.setString(15, r.document);
                ps.setString(16, r.documentRef);
                ps.setTimestamp(17, now);
                ps.setString(18, actor);
                ps.addBatch();
                if (++pending == BATCH) {
                    ps.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                ps.executeBatch();
            }
        }
    }

    /** The rows whose key the library already has ({@code alreadyTaken}) or the file repeats, named by label. */
    static List<ProblemDetail> duplicates(List<LicenceRow> rows, List<String> labels, Set<String> alreadyTaken) {
        List<ProblemDetail> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            LicenceRow r = rows.get(i);
            if (alreadyTaken.contains(r.key())) {
                problems.add(new ProblemDetail(labels.get(i), "number", r.type + " " + r.number + " 已在证照库中"));
            } else if (!seen.add(r.key())) {
                problems.add(new ProblemDetail(labels.get(i), "number", r.type + " " + r.number + " 在文件中重复"));
            }
        }
        return problems;
    }

    /** Collects the problems of one row. */
    private static final class Fields {
        private final String label;
        private final List<ProblemDetail> problems;

        Fields(String label, List<ProblemDetail> problems) {
            this.label = label;
            this.problems = problems;
        }

        void fail(String field, String message) {
            problems.add(new ProblemDetail(label, field, message));
        }

        String text(String field, String value, int max) {
            if (value == null || value.isBlank()) {
                fail(field, "必填");
                return null;
            }
            return optional(field, value, max);
        }

        String optional(String field, String value, int max) {
            if (value == null || value.isBlank()) {
                return null;
            }
            String v = value.strip();
            if (v.length() > max) {
                fail(field, "长度不能超过 " + max + " 字");
                return null;
            }
            return v;
        }

        LocalDate date(String field, String value, boolean required) {
            if (value == null || value.isBlank()) {
                if (required) {
                    fail(field, "必填（yyyy-MM-dd）");
                }
                return null;
            }
            try {
                return LocalDate.parse(value.strip());
            } catch (DateTimeParseException e) {
                fail(field, "日期须为 yyyy-MM-dd，当前为 '" + value + "'");
                return null;
            }
        }
    }

}
