package org.onewindow.intake.internal.window;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;

import org.onewindow.audit.AuditTrail;
import org.onewindow.citizen.IdNumbers;
import org.onewindow.citizen.IdType;
import org.onewindow.citizen.Mobiles;
import org.onewindow.intake.CaseDTO;
import org.onewindow.intake.CasePage;
import org.onewindow.intake.PartyDTO;
import org.onewindow.intake.internal.cases.CaseEntity;
import org.onewindow.intake.internal.cases.CaseViews;
import org.onewindow.problem.Problem;
import org.onewindow.security.Actor;

/**
 * The window's one search box, for a citizen who comes back (on the deadline day, for a supplement, to collect):
 * what was typed says by which key, the matching cases come newest first and paged, with ID numbers and mobiles
 * masked, and the search is an event of the audit trail in the reading transaction, as every read of a citizen's
 * cases is. The key is never logged.
 */
final class CaseLookup {
    /** What the clerk typed, by kind. */
    enum Kind {
        CASE_NO, PICKUP_CODE, ID_NUMBER, MOBILE, NAME
    }

    /** A typed key: its kind and its normal form (no spaces, upper case). */
    record Key(Kind kind, String value) {
        /** How the audit trail names it: a mobile and a name masked, a pickup code not at all. */
        String audited() {
            return switch (kind) {
                case CASE_NO -> "by case number " + value;
                case PICKUP_CODE -> "by pickup code";
                case ID_NUMBER -> "by ID number " + IdNumbers.mask(value);
                case MOBILE -> "by mobile " + Mobiles.mask(value);
                case NAME -> "by name " + value.substring(0, value.offsetByCodePoints(0, 1)) + "*".repeat(value.codePointCount(0, value.length()) - 1);
            };
        }
    }

    private CaseLookup() {
    }

    /** The kind of {@code typed}; {@code INVALID_LOOKUP} for none (too short, or digits of no key's length). */
    static Key key(String typed) {
        String t = typed == null ? "" : typed.replace(" ", "").replace("\u3000", "").strip().toUpperCase(Locale.ROOT);
        if (t.matches("\\d{6}-\\d{8}-\\d{1,6}")) {
            return new Key(Kind.CASE_NO, t);
        }
        if (t.matches("\\d{6}")) {
            return new Key(Kind.PICKUP_CODE, t);
        }
        if (t.matches("\\d{17}[\\dX]") || t.matches("[0-9A-HJ-NPQRTUWXY]{18}")) {
            // a resident ID number or a company's unified social credit code: matched as stored, checked or not
            return new Key(Kind.ID_NUMBER, t);
        }
        if (Mobiles.isMobile(t)) {
            return new Key(Kind.MOBILE, Mobiles.normal(t));
        }
        if (t.length() >= 2 && t.length() <= 100 && t.codePoints().noneMatch(Character::isDigit)) {
            return new Key(Kind.NAME, typed.strip());
        }
        throw Problem.badRequest("INVALID_LOOKUP",
                "请输入办件编号、取件码（6 位）、身份证件号码（18 位）、手机号码（11 位）或姓名（至少 2 个字）");
    }

    /** The page of cases matching {@code key}, recorded in the audit trail as {@code actor}'s search. */
    static CasePage find(EntityManager em, AuditTrail trail, Key key, int page, int size, Actor actor) {
        String where = switch (key.kind()) {
            case CASE_NO -> "c.caseNo = :k";
            case PICKUP_CODE -> "c.pickupCode = :k";
            case ID_NUMBER -> "(c.applicantId = :k OR c.agentId = :k)";
            case MOBILE -> "(c.applicantPhone = :k OR c.agentPhone = :k)";
            case NAME -> "(c.applicantName = :k OR c.agentName = :k)";
        };
        TypedQuery<CaseEntity> rows = em.createQuery("SELECT c FROM CaseEntity c WHERE " + where
                + " ORDER BY c.createdAt DESC, c.caseNo DESC", CaseEntity.class).setParameter("k", key.value());
        long total = em.createQuery("SELECT COUNT(c) FROM CaseEntity c WHERE " + where, Long.class)
                .setParameter("k", key.value()).getSingleResult();
        List<CaseEntity> found = rows.setFirstResult((page - 1) * size).setMaxResults(size).getResultList();
        CasePage out = new CasePage();
        out.page = page;
        out.size = size;
        out.total = total;
        out.items = found.stream().map(CaseLookup::masked).collect(Collectors.toList());
        String citizen = key.kind() == Kind.ID_NUMBER ? key.value() : found.size() == 1 ? found.get(0).applicantId : null;
        String caseNo = found.size() == 1 ? found.get(0).caseNo : null;
        CaseReads.record(em, trail, CaseReads.LOOK_UP, actor, caseNo, citizen, key.audited() + ": " + total + " cases found");
        return out;
    }

    /** A case as the search lists it: the short view, with both parties' ID numbers and mobiles masked. */
    static CaseDTO masked(CaseEntity e) {
        CaseDTO dto = CaseViews.summary(e);
        dto.applicant = party(e.applicantIdType, e.applicantId, e.applicantName, e.applicantPhone);
        if (e.agentId != null) {
            dto.agent = party(e.agentIdType, e.agentId, e.agentName, e.agentPhone);
        }
        return dto;
    }

    private static PartyDTO party(IdType type, String id, String name, String phone) {
        PartyDTO p = new PartyDTO();
        p.idType = type;
        p.idNumber = IdNumbers.mask(id);
        p.name = name;
        p.phone = phone == null || phone.isBlank() ? null : Mobiles.mask(Mobiles.normal(phone));
        return p;
    }
}
