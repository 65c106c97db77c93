package org.onewindow.db.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.Before;
import org.junit.Test;
import org.onewindow.db.MigrationException;

public class MigrationRunnerTest {
    private static int databases;
    private EmbeddedDataSource ds;
    private MigrationRunner runner;

    @Before
    public void freshDatabase() {
        ds = new EmbeddedDataSource();
        ds.setDatabaseName("memory:migrations" + (++databases));
        ds.setCreateDatabase("create");
        runner = new MigrationRunner(ds);
    }

    @Test
    public void appliesInVersionOrderAndOnlyOnce() throws SQLException {
        Migration v1 = Migration.of("V1__create.sql", "CREATE TABLE T (ID INT PRIMARY KEY);\n");
        Migration v2 = Migration.of("V2__add_column.sql", "-- a later change\nALTER TABLE T ADD COLUMN NAME VARCHAR(10);\nINSERT INTO T VALUES (1, 'a');");
        assertEquals(2, runner.migrate("m", List.of(v2, v1)));
        assertEquals(2, runner.migrate("m", List.of(v1, v2)));
        assertEquals(1, count("SELECT COUNT(*) FROM T"));
        assertEquals(2, runner.currentVersion("m"));
        assertEquals(0, runner.currentVersion("other"));
    }

    @Test
    public void failedScriptIsRolledBackWhole() throws SQLException {
        runner.migrate("m", List.of(Migration.of("V1__create.sql", "CREATE TABLE T (ID INT PRIMARY KEY);")));
        Migration bad = Migration.of("V2__bad.sql", "INSERT INTO T VALUES (1);\nINSERT INTO T VALUES (1);");
        try {
            runner.migrate("m", List.of(Migration.of("V1__create.sql", "CREATE TABLE T (ID INT PRIMARY KEY);"), bad));
            fail("duplicate key must fail");
        } catch (MigrationException expected) {
            assertTrue(expected.getMessage(), expected.getMessage().contains("V2"));
        }
        assertEquals(0, count("SELECT COUNT(*) FROM T"));
        assertEquals(1, runner.currentVersion("m"));
    }

    @Test(expected = MigrationException.class)
    public void editedScriptIsRefused() {
        runner.migrate("m", List.of(Migration.of("V1__create.sql", "CREATE TABLE T (ID INT);")));
        runner.migrate("m", List.of(Migration.of("V1__create.sql", "CREATE TABLE T (ID BIGINT);")));
    }

    @Test(expected = MigrationException.class)
    public void badFileNameIsRefused() {
        Migration.of("create.sql", "CREATE TABLE T (ID INT);");
    }

    @Test
    public void splitsStatementsAtLineEndSemicolons() {
        Migration m = Migration.of("V1__x.sql", "CREATE TABLE A (\n  X VARCHAR(5) DEFAULT 'a;b'\n);\n-- comment;\nCREATE INDEX I ON A (X);");
        assertEquals(List.of("CREATE TABLE A (\nX VARCHAR(5) DEFAULT 'a;b'\n)", "CREATE INDEX I ON A (X)"), m.statements());
    }

    private int count(String sql) throws SQLException {
        try (Connection c = ds.getConnection(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
