package org.onewindow.db.internal;

import java.time.Duration;
import java.time.Instant;

import org.onewindow.db.JournalHold;

/**
 * The journal's standing with the city hub, as kept in {@code OW_JOURNAL_COUNTER} and in this run's memory, and the
 * rule of when new cases wait. Why at every start: a restored copy of {@code data/} cannot tell itself from the
 * original (it is the original, as it was); only the hub knows where the journal had got to. So a federated district
 * takes no case until the hub has checked that the journal continues the one it holds, which it answers within a
 * second when it is reachable; a hall whose hub does not answer goes on after {@code hubCheckSeconds}, unless district
 * IT marked the data restored ({@code data/onewindow/RESTORED}), which waits for the hub however long. A district with no
 * hub link has nobody to ask: its restore is the copy, and it never waits.
 */
record JournalStanding(Integer hubCheckSeconds, Instant rewoundAt, String rewoundDetail, boolean restoredMarker, Instant startedAt,
        boolean confirmed) {

    /** Why new cases wait at {@code now}, or null. */
    JournalHold hold(Instant now) {
        if (rewoundAt != null) {
            return new JournalHold(JournalHold.RESTORE_RECONCILING, "本区数据已从备份恢复，正在从市级枢纽取回恢复前已上报的办件；完成前暂停收件，"
                    + "以免办件编号重复。请稍候，或联系区县信息管理员（onewindow:replication-status）", rewoundAt);
        }
        if (confirmed) {
            return null;
        }
        if (restoredMarker && hubCheckSeconds != null) {
            return new JournalHold(JournalHold.HUB_CHECK_PENDING, "本区数据已从备份恢复，须待市级枢纽核对本区数据后才能收件；"
                    + "请联系区县信息管理员确认与市级枢纽的连接", startedAt);
        }
        if (hubCheckSeconds != null && hubCheckSeconds > 0 && now.isBefore(startedAt.plus(Duration.ofSeconds(hubCheckSeconds)))) {
            return new JournalHold(JournalHold.HUB_CHECK_PENDING, "本窗口刚刚启动，正在与市级枢纽核对本区数据（最多 " + hubCheckSeconds
                    + " 秒），请稍候再收件", startedAt);
        }
        return null;
    }

    JournalStanding federated(Integer seconds) {
        return new JournalStanding(seconds, rewoundAt, rewoundDetail, restoredMarker, startedAt, confirmed);
    }

    JournalStanding confirmed(boolean yes) {
        return new JournalStanding(hubCheckSeconds, rewoundAt, rewoundDetail, yes ? false : restoredMarker, startedAt, yes);
    }

    JournalStanding rewound(Instant at, String detail) {
        return new JournalStanding(hubCheckSeconds, at, detail, restoredMarker, startedAt, at == null && confirmed);
    }
}
