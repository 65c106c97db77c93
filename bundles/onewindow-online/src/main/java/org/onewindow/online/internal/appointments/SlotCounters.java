package org.onewindow.online.internal.appointments;

import java.sql.Date;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.persistence.EntityManager;

import org.onewindow.db.DbFailures;
import org.onewindow.online.internal.common.OnlineDatabase;
import org.onewindow.problem.Problem;
import org.onewindow.problem.ProblemKind;

/**
 * The booked count of each slot, per group and for the whole hall ({@code APPT_SLOT}). A place is
 * taken by a conditional update that only succeeds below the capacity; Derby holds the row's lock
 * until the booking commits, so concurrent bookings of the last place take turns and one of them
 * finds the slot full. The group's row is always locked before the hall's, so two bookings never
 * wait for each other in a circle.
 */
final class SlotCounters {
    private SlotCounters() {
    }

    /**
     * Makes the counter rows of a slot exist, each in a transaction of its own (a concurrent creator
     * is fine); only a slot's first booking writes, the rest only look.
     */
    static void ensure(OnlineDatabase db, LocalDate day, String start, String group) {
        long present = db.tx(em -> ((Number) em.createNativeQuery("SELECT COUNT(*) FROM APPT_SLOT WHERE SLOT_DAY = ? AND SLOT_START = ?"
                + " AND GRP IN (?, ?)").setParameter(1, Date.valueOf(day)).setParameter(2, start).setParameter(3, group)
                .setParameter(4, SlotPlan.HALL).getSingleResult()).longValue());
        if (present == 2) {
            return;
        }
        for (String g : List.of(group, SlotPlan.HALL)) {
            try {
                db.tx(em -> em.createNativeQuery("INSERT INTO APPT_SLOT (SLOT_DAY, SLOT_START, GRP, BOOKED) SELECT ?, ?, ?, 0"
                        + " FROM SYSIBM.SYSDUMMY1 WHERE NOT EXISTS (SELECT 1 FROM APPT_SLOT WHERE SLOT_DAY = ? AND SLOT_START = ? AND GRP = ?)")
                        .setParameter(1, Date.valueOf(day)).setParameter(2, start).setParameter(3, g)
                        .setParameter(4, Date.valueOf(day)).setParameter(5, start).setParameter(6, g).executeUpdate());
            } catch (RuntimeException e) {
                if (!DbFailures.isUniqueViolation(e)) {
                    throw e;
                }
            }
        }
    }

    /** Takes a place of the slot for the group and the hall, or refuses with {@code SLOT_FULL}. */
    static void take(EntityManager em, LocalDate day, String start, String group, int groupCapacity, int hallCapacity) {
        if (!increment(em, day, start, group, groupCapacity) || !increment(em, day, start, SlotPlan.HALL, hallCapacity)) {
            throw new Problem(ProblemKind.CONFLICT, "SLOT_FULL", day + " " + start + " 的号源已约满，请选择其他时段");
        }
    }

    static void release(EntityManager em, LocalDate day, String start, String group) {
        for (String g : List.of(group, SlotPlan.HALL)) {
            em.createNativeQuery("UPDATE APPT_SLOT SET BOOKED = BOOKED - 1 WHERE SLOT_DAY = ? AND SLOT_START = ? AND GRP = ? AND BOOKED > 0")
                    .setParameter(1, Date.valueOf(day)).setParameter(2, start).setParameter(3, g).executeUpdate();
        }
    }

    /** Booked places of a day: group (or {@link SlotPlan#HALL}) and start to count. */
    static Map<String, Integer> booked(EntityManager em, LocalDate day, String group) {
        Map<String, Integer> out = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT GRP, SLOT_START, BOOKED FROM APPT_SLOT WHERE SLOT_DAY = ? AND GRP IN (?, ?)")
                .setParameter(1, Date.valueOf(day)).setParameter(2, group).setParameter(3, SlotPlan.HALL).getResultList();
        for (Object[] r : rows) {
            out.put(key((String) r[0], (String) r[1]), ((Number) r[2]).intValue());
        }
        return out;
    }

    static String key(String group, String start) {
        return group + "@" + start;
    }

    private static boolean increment(EntityManager em, LocalDate day, String start, String group, int capacity) {
        return em.createNativeQuery("UPDATE APPT_SLOT SET BOOKED = BOOKED + 1 WHERE SLOT_DAY = ? AND SLOT_START = ? AND GRP = ? AND BOOKED < ?")
                .setParameter(1, Date.valueOf(day)).setParameter(2, start).setParameter(3, group).setParameter(4, capacity).executeUpdate() == 1;
    }
}
