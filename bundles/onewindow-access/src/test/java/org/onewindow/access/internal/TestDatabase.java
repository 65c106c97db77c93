package org.onewindow.access.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.apache.derby.jdbc.EmbeddedDataSource;

/** A fresh in-memory Derby with staff access's tables, made by the bundle's own migrations. */
public final class TestDatabase {
    private static int count;

    private TestDatabase() {
    }

    public static synchronized DataSource fresh() throws IOException, SQLException {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName("memory:access" + (++count));
        ds.setCreateDatabase("create");
        try (InputStream in = TestDatabase.class.getResourceAsStream("/db/migration/access/V1__staff_access.sql");
                Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            String script = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)^--.*$", "");
            for (String sql : script.split(";")) {
                if (!sql.isBlank()) {
                    s.execute(sql);
                }
            }
        }
        return ds;
    }
}
