package org.onewindow.evaluation.internal;

import java.lang.annotation.Annotation;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.onewindow.audit.AuditTrail;
import org.onewindow.audit.internal.TestTrails;
import org.onewindow.calendar.WorkingCalendar;
import org.onewindow.calendar.internal.TestCalendars;
import org.onewindow.db.Jdbc;
import org.onewindow.db.internal.JdbcChangeJournal;
import org.onewindow.db.internal.TestClock;
import org.onewindow.db.internal.TestDatabases;

/**
 * A hall for the unit tests: an in-memory Derby with the evaluation's tables, the real change journal and audit trail, a
 * clock the test moves, the calendar of 2026 with the National Day holiday (10-01 to 10-07; 09-27 and 10-10 worked), and
 * cases journaled as intake journals them.
 */
public final class Hall {
    public final DataSource dataSource;
    public final JdbcChangeJournal journal;
    public final AuditTrail trail;
    public final TestClock clock;
    public final EvaluationStore store;
    public final WorkingCalendar calendar = TestCalendars.year(2026, "国庆节", LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 7),
            LocalDate.of(2026, 9, 27), LocalDate.of(2026, 10, 10));

    public Hall(String name, Instant now) {
        dataSource = TestDatabases.memory(name);
        TestDatabases.migrate(dataSource, "evaluation", "db/migration/evaluation");
        journal = TestDatabases.journal(dataSource);
        try {
            TestTrails.install(dataSource);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        trail = TestTrails.trail(dataSource);
        clock = new TestClock(now);
        store = EvaluationStore.of(dataSource, new Config(), clock);
    }

    /** Journals the case as intake would, with its moves ({@code to} statuses in order, each by {@code clerk} at its time). */
    public long journal(String caseNo, String channel, String phone, String clerk, Move... moves) {
        List<String> history = new ArrayList<>();
        String from = null;
        for (Move m : moves) {
            history.add("{\"at\":\"" + m.at() + "\",\"by\":\"" + clerk + "\",\"from\":" + (from == null ? "null" : "\"" + from + "\"")
                    + ",\"to\":\"" + m.to() + "\"}");
            from = m.to();
        }
        String json = "{\"caseNo\":\"" + caseNo + "\",\"itemCode\":\"ITEM-" + caseNo.charAt(0) + "\",\"itemName\":\"事项" + caseNo.charAt(0)
                + "\",\"departmentCode\":\"" + (caseNo.startsWith("S") ? "SJ" : "GA") + "\",\"departmentName\":\""
                + (caseNo.startsWith("S") ? "市场监管局" : "公安局") + "\",\"channel\":\"" + channel + "\",\"status\":\"" + from
                + "\",\"applicant\":{\"idType\":\"RESIDENT_ID\",\"idNumber\":\"110101199003074514\",\"name\":\"张三\",\"phone\":"
                + (phone == null ? "null" : "\"" + phone + "\"") + "},\"history\":[" + String.join(",", history) + "]}";
        return tx(c -> journal.append(c, "CASE", caseNo, json));
    }

    public record Move(String to, Instant at) {
    }

    public static Move move(String to, Instant at) {
        return new Move(to, at);
    }

    public <R> R tx(Jdbc.Work<R> work) {
        return Jdbc.tx(dataSource, work);
    }

    public long count(String sql, Object... values) {
        return tx(c -> {
            try (var s = c.prepareStatement(sql)) {
                Jdbc.bind(s, values);
                try (var r = s.executeQuery()) {
                    r.next();
                    return r.getLong(1);
                }
            }
        });
    }

    public void exec(Connection c, String sql, Object... values) throws java.sql.SQLException {
        Jdbc.update(c, sql, values);
    }

    /** The shipped defaults of {@code etc/org.onewindow.evaluation.cfg}. */
    @SuppressWarnings("all")
    static final class Config implements EvaluationConfig {
        @Override
        public Class<? extends Annotation> annotationType() {
            return EvaluationConfig.class;
        }

        @Override
        public String zone() {
            return "Asia/Shanghai";
        }

        @Override
        public int ratingDays() {
            return 30;
        }

        @Override
        public int padMinutes() {
            return 10;
        }

        @Override
        public int pairingMinutes() {
            return 30;
        }

        @Override
        public int padsPerMinute() {
            return 5;
        }

        @Override
        public int inviteAfterDays() {
            return 3;
        }

        @Override
        public int verifyDays() {
            return 1;
        }

        @Override
        public int putRightDays() {
            return 5;
        }

        @Override
        public int followUpDays() {
            return 2;
        }

        @Override
        public int caseWatchSeconds() {
            return 2;
        }

        @Override
        public int figuresSeconds() {
            return 300;
        }

        @Override
        public String notifier_target() {
            return "(channel=file)";
        }

        @Override
        public String publicBaseUrl() {
            return "https://hall.example.cn";
        }
    }
}
