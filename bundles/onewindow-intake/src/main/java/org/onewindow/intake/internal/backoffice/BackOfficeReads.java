package org.onewindow.intake.internal.backoffice;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import javax.persistence.TypedQuery;

import org.onewindow.intake.CasePage;
import org.onewindow.intake.CaseStatus;
import org.onewindow.intake.Channel;
import org.onewindow.intake.ClockDTO;
import org.onewindow.intake.ItemStatisticsDTO;
import org.onewindow.intake.Route;
import org.onewindow.intake.ViolationDTO;
import org.onewindow.intake.internal.cases.CaseEntity;
import org.onewindow.intake.internal.cases.CaseViews;
import org.onewindow.intake.internal.cases.IntakeFlagEntity;
import org.onewindow.intake.internal.cases.IntakeUnit;
import org.onewindow.intake.internal.cases.StatusMachine;
import org.onewindow.db.Jdbc;
import org.onewindow.problem.Problem;
import org.onewindow.problem.ProblemKind;
import org.onewindow.rest.QueryParams;
import org.onewindow.security.Actor;

/**
 * What the back office and supervision read: a department's review queue, the cases whose clock runs, the figures by
 * item and the flags for supervision.
 */
record BackOfficeReads(IntakeUnit unit) {
    private static final int MAX_PAGE_SIZE = 200;

    /** The cases under review here of {@code departmentCode}, or of all the reviewer's departments; the nearest deadline first. */
    CasePage queue(String departmentCode, int page, int size, Actor actor) {
        QueryParams.checkPage(page, size, MAX_PAGE_SIZE);
        String dept = departmentCode == null || departmentCode.isBlank() ? null : departmentCode.strip();
        if (dept != null && !actor.worksFor(dept)) {
            throw JpaBackOffice.notYours(actor, dept);
        }
        if (actor.departments().isEmpty()) {
            throw new Problem(ProblemKind.FORBIDDEN, "NOT_YOUR_DEPARTMENT", "用户 " + actor + " 尚未分配部门（角色 dept-<部门编码>）");
        }
        String where = " WHERE c.status = :status AND c.route = :route";
        if (dept != null) {
            where += " AND c.departmentCode = :dept";
        } else if (!actor.worksFor(Actor.ALL_DEPARTMENTS)) {
            where += " AND c.departmentCode IN :depts";
        }
        String filter = where;
        return unit.tx(em -> {
            TypedQuery<CaseEntity> rows = em.createQuery("SELECT c FROM CaseEntity c" + filter
                    + " ORDER BY c.deadline, c.caseNo", CaseEntity.class);
            TypedQuery<Long> count = em.createQuery("SELECT COUNT(c) FROM CaseEntity c" + filter, Long.class);
            for (TypedQuery<?> q : List.of(rows, count)) {
                q.setParameter("status", CaseStatus.IN_REVIEW).setParameter("route", Route.LOCAL);
                if (dept != null) {
                    q.setParameter("dept", dept);
                } else if (!actor.worksFor(Actor.ALL_DEPARTMENTS)) {
                    q.setParameter("depts", actor.departments());
                }
            }
            CasePage out = new CasePage();
            out.page = page;
            out.size = size;
            out.total = count.getSingleResult();
            out.items = rows.setFirstResult((page - 1) * size).setMaxResults(size).getResultList().stream()
                    .map(CaseViews::summary).collect(Collectors.toList());
            return out;
        });
    }

    /**
     * The cases whose clock runs or stands ({@link StatusMachine#CLOCKED}) and that have a deadline. Plain JDBC on the
     * transaction's connection: the supervision run reads every open case each time, and EclipseLink's report query
     * built a result object and converted each of the 13 columns of 100,000 rows (issue 21).
     */
    List<ClockDTO> openClocks() {
        List<CaseStatus> clocked = List.copyOf(StatusMachine.CLOCKED);
        String sql = "SELECT CASE_NO, ITEM_CODE, ITEM_NAME, DEPT_CODE, DEPT_NAME, STATUS, CREATED_BY, REVIEWER, ACCEPTED_ON, DEADLINE,"
                + " TIME_LIMIT_DAYS, EXTENDED_DAYS, SUSPENDED_SINCE FROM CASE_FILE WHERE DEADLINE IS NOT NULL AND STATUS IN ("
                + Jdbc.placeholders(clocked.size()) + ")";
        return unit.tx(em -> {
            List<ClockDTO> out = new ArrayList<>();
            try (PreparedStatement s = em.unwrap(Connection.class).prepareStatement(sql)) {
                Jdbc.bind(s, clocked.stream().map(CaseStatus::name).toArray());
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(clock(rs));
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot read the open cases' clocks", e);
            }
            return out;
        });
    }

    private static ClockDTO clock(ResultSet row) throws SQLException {
        ClockDTO c = new ClockDTO();
        c.caseNo = row.getString(1);
        c.itemCode = row.getString(2);
        c.itemName = row.getString(3);
        c.departmentCode = row.getString(4);
        c.departmentName = row.getString(5);
        c.status = CaseStatus.valueOf(row.getString(6));
        c.clerk = row.getString(7);
        c.reviewer = row.getString(8);
        c.acceptedOn = String.valueOf(row.getDate(9));
        c.deadline = row.getDate(10).toString();
        c.allowedDays = row.getInt(11) + row.getInt(12);
        Date suspended = row.getDate(13);
        c.suspendedSince = suspended == null ? null : suspended.toString();
        return c;
    }

    /** Accepted cases by department and item: decided, in time, working days used, instant, delivered, visits, online. */
    List<ItemStatisticsDTO> statisticsByItem() {
        return unit.tx(em -> em.createQuery("SELECT c.departmentCode, MAX(c.departmentName), c.itemCode, MAX(c.itemName),"
                + " COUNT(c),"
                + " SUM(CASE WHEN c.decidedOn IS NOT NULL THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN c.inTime = 1 THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN c.workingDaysUsed IS NULL THEN 0 ELSE c.workingDaysUsed END),"
                + " SUM(CASE WHEN c.timeLimitDays = 0 THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN c.status = :delivered THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN c.status = :delivered AND c.visits <= 1 THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN c.status = :delivered AND c.visits = 0 THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN c.channel = :online THEN 1 ELSE 0 END)"
                + " FROM CaseEntity c WHERE c.acceptedOn IS NOT NULL GROUP BY c.departmentCode, c.itemCode"
                + " ORDER BY c.departmentCode, c.itemCode", Object[].class)
                .setParameter("delivered", CaseStatus.DELIVERED).setParameter("online", Channel.ONLINE).getResultList().stream().map(row -> {
                    ItemStatisticsDTO s = new ItemStatisticsDTO();
                    s.departmentCode = (String) row[0];
                    s.departmentName = (String) row[1];
                    s.itemCode = (String) row[2];
                    s.itemName = (String) row[3];
                    s.accepted = number(row[4]);
                    s.decided = number(row[5]);
                    s.decidedInTime = number(row[6]);
                    s.workingDaysUsed = number(row[7]);
                    s.instant = number(row[8]);
                    s.delivered = number(row[9]);
                    s.deliveredInOneVisit = number(row[10]);
                    s.deliveredWithoutVisit = number(row[11]);
                    s.online = number(row[12]);
                    return s;
                }).collect(Collectors.toList()));
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    /** The newest flags for supervision (repeat filings, materials beyond the catalog), 1 to 1000. */
    List<ViolationDTO> violations(int limit) {
        return unit.tx(em -> em.createQuery("SELECT f FROM IntakeFlagEntity f ORDER BY f.id DESC", IntakeFlagEntity.class)
                .setMaxResults(Math.max(1, Math.min(limit, 1000))).getResultList().stream().map(IntakeFlagEntity::toDTO)
                .collect(Collectors.toList()));
    }
}
