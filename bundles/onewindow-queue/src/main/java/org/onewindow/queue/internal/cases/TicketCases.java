package org.onewindow.queue.internal.cases;

import java.util.function.Supplier;

import org.onewindow.audit.AuditEvent;
import org.onewindow.audit.AuditTrail;
import org.onewindow.db.ChangeJournal;
import org.onewindow.db.Jdbc;
import org.onewindow.intake.IntakeService;
import org.onewindow.problem.Problem;
import org.onewindow.problem.ProblemKind;
import org.onewindow.queue.TicketIntakeDTO;
import org.onewindow.queue.internal.floor.TicketRow;
import org.onewindow.queue.internal.floor.TicketStore;
import org.onewindow.queue.internal.floor.WindowCalls;
import org.onewindow.security.Actor;

/**
 * A case from the ticket a window called: the window reads what the citizen gave at the kiosk (an audited read of the
 * whole ID number) to fill in the intake form, then names the case the ticket is served for, so that the case's
 * acceptance or hand-out ends the ticket's service ({@link CaseWatch}).
 */
public final class TicketCases {
    /** The audit action of a window reading a ticket's ID number whole. */
    static final String READ = "QUEUE_TICKET_CITIZEN_READ";
    private final WindowCalls windows;
    private final AuditTrail trail;
    private final ChangeJournal journal;
    private final Supplier<IntakeService> cases;

    public TicketCases(WindowCalls windows, AuditTrail trail, ChangeJournal journal, Supplier<IntakeService> cases) {
        this.windows = windows;
        this.trail = trail;
        this.journal = journal;
        this.cases = cases;
    }

    public TicketIntakeDTO intake(Actor clerk) {
        return windows.current(clerk, (c, w, now) -> {
            TicketRow t = w.current();
            if (t.citizenId() != null) {
                trail.append(c, AuditEvent.of(READ, clerk).on("QUEUE_TICKET", t.day() + "/" + t.number()).citizen(t.citizenId())
                        .detail("按号收件：读取取号时登记的身份证号"));
            }
            return new TicketIntakeDTO(t.id(), t.number(), t.itemCode(), t.citizenId(), t.mobile(), t.caseNo());
        });
    }

    /** The current ticket is served for {@code caseNo}, a case the clerk may see. */
    public TicketRow serve(String caseNo, Actor clerk) {
        String no = caseNo == null ? "" : caseNo.strip();
        if (no.isEmpty() || no.length() > 40) {
            throw Problem.badRequest("INVALID_CASE", "办件编号（caseNo）必填，最多 40 个字符");
        }
        IntakeService intake = cases.get();
        if (intake == null) {
            throw new Problem(ProblemKind.UNAVAILABLE, "CASES_UNAVAILABLE", "收件功能未运行：号码无法关联办件");
        }
        intake.checkVisible(no, clerk);
        // changes of the case up to here are not this service's: only later ones end it
        long head = journal.lastSeq();
        return windows.current(clerk, (c, w, now) -> {
            Jdbc.update(c, "UPDATE QUEUE_TICKET SET CASE_NO = ?, CASE_SEQ = ? WHERE ID = ?", no, head, w.current().id());
            return TicketStore.byId(c, w.current().id()).orElseThrow();
        });
    }
}
