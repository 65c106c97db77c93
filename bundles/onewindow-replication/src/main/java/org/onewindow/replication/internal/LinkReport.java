package org.onewindow.replication.internal;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.onewindow.audit.AuditTrail;
import org.onewindow.audit.ChainBreak;
import org.onewindow.audit.TrailHead;
import org.onewindow.db.ChangeJournal;
import org.onewindow.db.JournalHold;
import org.onewindow.node.HealthReason;
import org.onewindow.replication.DistrictState;
import org.onewindow.replication.KeyFingerprints;
import org.onewindow.replication.LinkStatusDTO;

/**
 * What district IT and the node's health are told of the link to the hub: its state, the key's fingerprint the city
 * compares before approving, the backlog of journal and audit trail, a hold on new cases and a restore under way.
 */
final class LinkReport {
    private final ChangeJournal journal;
    private final AuditTrail trail;
    private final HubLink link;
    private final Reconciliation reconciliation;
    /** Failed calls to the hub in a row. */
    private final AtomicInteger failures;
    /** Where the hub last said this node's audit chain breaks, null while it holds. */
    private final Supplier<ChainBreak> auditBreak;

    LinkReport(ChangeJournal journal, AuditTrail trail, HubLink link, Reconciliation reconciliation, AtomicInteger failures,
            Supplier<ChainBreak> auditBreak) {
        this.journal = journal;
        this.trail = trail;
        this.link = link;
        this.reconciliation = reconciliation;
        this.failures = failures;
        this.auditBreak = auditBreak;
    }

    LinkStatusDTO link() {
        LinkStatusDTO s = new LinkStatusDTO();
        s.journalLastSeq = journal.lastSeq();
        HubLink.Row row = link.read();
        if (row != null) {
            s.hubUrl = row.hubUrl;
            s.state = row.state;
            s.registeredAt = row.registeredAt.toString();
            s.keyAlgorithm = row.keyAlgorithm;
            s.fingerprint = row.publicKey == null ? null : KeyFingerprints.grouped(KeyFingerprints.of(Base64.getDecoder().decode(row.publicKey)));
            s.acked = row.acked;
            s.lastShippedAt = row.lastShippedAt == null ? null : row.lastShippedAt.toString();
            s.lastError = row.lastError;
            s.hubCertificate = row.hubCertificate;
        }
        s.backlog = Math.max(0, s.journalLastSeq - s.acked);
        JournalHold hold = journal.hold();
        if (hold != null) {
            s.intakeHold = hold.code();
            s.intakeHoldMessage = hold.message();
        }
        if (row != null && row.restore != null) {
            s.restore = reconciliation.status(row.restore);
        }
        TrailHead head = trail.head();
        s.auditShipped = head.shippedSeq();
        s.auditBacklog = Math.max(0, head.lastSeq() - head.shippedSeq());
        ChainBreak broken = auditBreak.get();
        s.auditBreak = broken == null ? null : broken.toString();
        return s;
    }

    /** The link as {@code onewindow:replication-status} shows it. */
    Map<String, Object> status() {
        LinkStatusDTO s = link();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("hub", s.hubUrl == null ? "(not registered: onewindow:hub-register <hubUrl>)" : s.hubUrl);
        out.put("link", s.state == null ? "-" : s.state);
        if (s.fingerprint != null) {
            // what district IT reads out to the city administrator, who compares it before approving
            out.put("key", s.keyAlgorithm);
            out.put("key fingerprint", s.fingerprint);
        }
        if (s.hubUrl != null) {
            out.put("hub certificate", s.hubCertificate != null ? "pinned SHA-256 " + s.hubCertificate
                    : s.hubUrl.startsWith("https:") ? "trust store" : "NONE: plain HTTP, unverified (a test or the demo only)");
        }
        out.put("journal", s.journalLastSeq);
        out.put("acknowledged by hub", s.acked);
        out.put("backlog", s.backlog);
        out.put("audit trail at the hub", "up to #" + s.auditShipped + " (" + s.auditBacklog + " to send)");
        if (s.auditBreak != null) {
            out.put("AUDIT CHAIN REFUSED", s.auditBreak + " (onewindow:audit-verify; docs/operations.md)");
        }
        if (s.intakeHold != null) {
            out.put("INTAKE HELD", s.intakeHold + ": " + s.intakeHoldMessage);
        }
        if (s.restore != null) {
            Reconciliation.describe(s.restore, out);
        }
        if (s.lastError != null) {
            out.put("last error", s.lastError);
        }
        return out;
    }

    /**
     * The link to the hub failing (three calls in a row, or the hub suspended or revoked this district) or the hub refusing
     * the audit trail: the node is DEGRADED until it works again. A district not registered, or waiting for approval, is not.
     */
    List<HealthReason> healthReasons() {
        HubLink.Row row = link.read();
        List<HealthReason> out = new ArrayList<>();
        int failed = failures.get();
        if (row != null && (row.state == DistrictState.SUSPENDED || row.state == DistrictState.REVOKED)) {
            out.add(new HealthReason("HUB_LINK_FAILING", "市级枢纽已" + (row.state == DistrictState.SUSPENDED ? "暂停" : "注销") + "本区，数据不再上报："
                    + row.lastError + "（onewindow:replication-status）"));
        } else if (row != null && row.state == DistrictState.APPROVED && failed >= 3) {
            out.add(new HealthReason("HUB_LINK_FAILING", "连续 " + failed + " 次无法向市级枢纽上报，积压的记录在本机等待：" + row.lastError
                    + "（onewindow:replication-status）"));
        }
        ChainBreak broken = auditBreak.get();
        if (broken != null) {
            out.add(new HealthReason("AUDIT_CHAIN_REFUSED", "市级枢纽拒收本区审计日志：" + broken + "（onewindow:audit-verify）"));
        }
        return out;
    }
}
