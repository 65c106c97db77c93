package org.onewindow.licences.internal;

import java.io.IOException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.apache.aries.jpa.template.JpaTemplate;
import org.onewindow.citizen.IdType;
import org.onewindow.db.ChangeJournal;
import org.onewindow.db.JournalEntry;
import org.onewindow.db.JournalRestore;
import org.onewindow.db.RestoreNote;
import org.onewindow.db.Transactions;
import org.onewindow.licences.LicenceDTO;
import org.onewindow.licences.LicenceStatus;
import org.onewindow.rest.Json;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;

/**
 * Puts licences back as the city hub holds them, after this appliance was restored from an older copy of its data:
 * issued, imported or revoked after the copy was taken ({@link LicenceEntity#toRecord()} is what the hub has). A licence
 * written here after the last point both agreed on keeps this appliance's state, which is journaled again for the hub.
 */
@Component(service = JournalRestore.class)
public class LicenceRestore implements JournalRestore {
    private static final ObjectReader LICENCES = Json.mapper().readerFor(LicenceDTO.class)
            .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Reference(target = "(osgi.unit.name=onewindow-licences)")
    JpaTemplate jpa;

    @Reference
    ChangeJournal journal;

    @Override
    public Set<String> kinds() {
        return Set.of(LicenceJournal.KIND);
    }

    @Override
    public List<RestoreNote> restore(List<JournalEntry> records, Set<String> changedHere) {
        return Transactions.required(jpa, em -> {
            Connection c = em.unwrap(Connection.class);
            List<RestoreNote> notes = new ArrayList<>();
            try {
                for (JournalEntry r : records) {
                    LicenceDTO d = read(r);
                    boolean here = exists(c, d.type, d.number);
                    if (here && changedHere.contains(r.key)) {
                        notes.add(new RestoreNote(RestoreNote.KEPT_HERE, r.key, "证照 " + d.number + " 在恢复后于本机有变更：保留本机的状态并报送枢纽，请核对"));
                    } else if (here) {
                        update(c, d);
                    } else {
                        LicenceRows.insert(c, List.of(row(d)), "system:restore");
                        update(c, d);
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot restore licences: " + e.getMessage(), e);
            }
            return notes;
        });
    }

    @Override
    public void journalAgain(String kind, Collection<String> keys) {
        Transactions.required(jpa, em -> {
            List<LicenceEntity> found = new ArrayList<>();
            for (String key : keys) {
                int slash = key.indexOf('/');
                em.createQuery("SELECT l FROM LicenceEntity l WHERE l.type = :t AND l.number = :n", LicenceEntity.class)
                        .setParameter("t", key.substring(0, Math.max(0, slash))).setParameter("n", key.substring(slash + 1))
                        .getResultList().forEach(found::add);
            }
            if (!found.isEmpty()) {
                LicenceJournal.record(journal, em.unwrap(Connection.class), found);
            }
            return null;
        });
    }

    private static LicenceDTO read(JournalEntry r) {
        try {
            return LICENCES.readValue(r.payload);
        } catch (IOException e) {
            throw new IllegalArgumentException("the hub's licence record #" + r.seq + " (" + r.key + ") is not a licence", e);
        }
    }

    private static boolean exists(Connection c, String type, String number) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM LICENCE WHERE TYPE_CODE = ? AND LICENCE_NO = ?")) {
            s.setString(1, type);
            s.setString(2, number);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** The licence's fields as the hub holds them (its revocation with its own time). */
    private static void update(Connection c, LicenceDTO d) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE LICENCE SET HOLDER_ID_TYPE = ?, HOLDER_ID = ?, HOLDER_NAME = ?, ISSUER_CODE = ?,"
                + " ISSUER_NAME = ?, ISSUED_ON = ?, VALID_FROM = ?, VALID_TO = ?, STATUS = ?, REVOKED_AT = ?, REVOCATION_REASON = ?, CASE_NO = ?,"
                + " DOCUMENT = ?, DOCUMENT_REF = ? WHERE TYPE_CODE = ? AND LICENCE_NO = ?")) {
            LicenceRow r = row(d);
            s.setString(1, r.holderIdType.name());
            s.setString(2, r.holderId);
            s.setString(3, r.holderName);
            s.setString(4, r.issuerCode);
            s.setString(5, r.issuerName);
            s.setObject(6, Date.valueOf(r.issuedOn));
            s.setObject(7, Date.valueOf(r.validFrom));
            s.setObject(8, r.validTo == null ? null : Date.valueOf(r.validTo), Types.DATE);
            s.setString(9, r.status.name());
            s.setObject(10, d.revokedAt == null ? null : Timestamp.from(Instant.parse(d.revokedAt)), Types.TIMESTAMP);
            s.setString(11, r.revocationReason);
            s.setString(12, r.caseNo);
            s.setString(13, r.document);
            s.setString(14, r.documentRef);
            s.setString(15, r.type);
            s.setString(16, r.number);
            s.executeUpdate();
        }
    }

    private static LicenceRow row(LicenceDTO d) {
        LicenceRow r = new LicenceRow();
        r.type = d.type;
        r.number = d.number;
        r.holderIdType = d.holderIdType == null ? IdType.RESIDENT_ID : d.holderIdType;
        r.holderId = d.holderId;
        r.holderName = d.holderName;
        r.issuerCode = d.issuerCode;
        r.issuerName = d.issuerName;
        r.issuedOn = LocalDate.parse(d.issuedOn);
        r.validFrom = d.validFrom == null ? r.issuedOn : LocalDate.parse(d.validFrom);
        r.validTo = d.validTo == null ? null : LocalDate.parse(d.validTo);
        r.status = d.status == LicenceStatus.REVOKED ? LicenceStatus.REVOKED : LicenceStatus.VALID;
        r.revocationReason = d.revocationReason;
        r.caseNo = d.caseNo;
        r.document = d.document;
        r.documentRef = d.documentRef;
        return r;
    }
}
