package org.onewindow.online.internal.identity;

import static org.junit.Assert.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.Test;

/** V4 on a hall that ran the online channel before: mobiles bound by a first sign-in were never verified and are dropped, on record. */
public class VerifiedBindingsMigrationTest {

    @Test
    public void unverifiedBindingsAreDroppedAndClerksBindingsKeptEachOnRecord() throws Exception {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName("memory:online-v4");
        ds.setCreateDatabase("create");
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            for (String v : List.of("V1__online_channel", "V2__payments", "V3__case_notices")) {
                run(s, v);
            }
            // the attacker's first sign-in, and a citizen a clerk rebound at a window
            s.execute("INSERT INTO ONLINE_CITIZEN (ID_NUMBER, MOBILE, BOUND_AT, BOUND_BY) VALUES ('441302199003071238', '13312345678',"
                    + " TIMESTAMP('2026-11-30 09:00:00'), 'sign-in')");
            s.execute("INSERT INTO ONLINE_CITIZEN (ID_NUMBER, MOBILE, BOUND_AT, BOUND_BY) VALUES ('11010519491231002X', '13900139000',"
                    + " TIMESTAMP('2026-11-30 10:00:00'), 'clerk1')");
            run(s, "V4__verified_bindings");

            assertEquals(List.of("11010519491231002X 13900139000 WINDOW_CLERK clerk1"),
                    rows(s, "SELECT ID_NUMBER || ' ' || MOBILE || ' ' || BOUND_VIA || ' ' || BOUND_BY FROM ONLINE_CITIZEN"));
            assertEquals(List.of("11010519491231002X BOUND WINDOW_CLERK 13900139000 clerk1",
                    "441302199003071238 DROPPED FIRST_SIGN_IN 13312345678 system:migration"),
                    rows(s, "SELECT ID_NUMBER || ' ' || EVENT || ' ' || VIA || ' ' || MOBILE || ' ' || ACTOR FROM ONLINE_BINDING_EVENT ORDER BY ID_NUMBER"));
            assertEquals("a binding must say how it was verified", "23502", insertWithoutPath(s));
        }
    }

    private static String insertWithoutPath(Statement s) {
        try {
            s.execute("INSERT INTO ONLINE_CITIZEN (ID_NUMBER, MOBILE, BOUND_AT, BOUND_BY) VALUES ('440103199001011236', '13800138000',"
                    + " CURRENT_TIMESTAMP, 'sign-in')");
            return "inserted";
        } catch (SQLException e) {
            return e.getSQLState();
        }
    }

    private static List<String> rows(Statement s, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                out.add(r.getString(1));
            }
        }
        return out;
    }

    private void run(Statement s, String migration) throws IOException, SQLException {
        try (InputStream in = getClass().getResourceAsStream("/db/migration/online/" + migration + ".sql")) {
            String script = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.strip().startsWith("--"))
                    .collect(Collectors.joining("\n"));
            for (String sql : script.split(";")) {
                if (!sql.isBlank()) {
                    s.execute(sql);
                }
            }
        }
    }
}
