package org.onewindow.online.internal.common;

import org.apache.aries.jpa.template.JpaTemplate;

/** The channel's {@link OnlineDatabase} over a test's persistence unit, for the tests of the other packages (its reference stays package-private). */
public final class TestOnlineDatabase {
    private TestOnlineDatabase() {
    }

    public static OnlineDatabase on(JpaTemplate jpa) {
        OnlineDatabase db = new OnlineDatabase();
        db.jpa = jpa;
        return db;
    }
}
