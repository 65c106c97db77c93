package org.onewindow.metrics.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.derby.jdbc.EmbeddedDataSource;

/**
 * An in-memory Derby with the tables the figures read, made by the capabilities' own migration scripts (read from
 * their modules in this source tree), so that a query here meets the schema the appliance has.
 */
final class Schemas {
    private static int databases;

    private Schemas() {
    }

    static EmbeddedDataSource database(String... modules) throws IOException, SQLException {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName("memory:metrics" + (++databases));
        ds.setCreateDatabase("create");
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            for (String module : modules) {
                for (String sql : scripts(module)) {
                    s.execute(sql);
                }
            }
        }
        return ds;
    }

    /** {@code bundle/module}, such as {@code onewindow-intake/intake}: its statements in version order. */
    private static List<String> scripts(String module) throws IOException {
        String[] parts = module.split("/");
        Path folder = Path.of("..", parts[0], "src/main/resources/db/migration", parts[1]);
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> ordered = files.filter(p -> p.getFileName().toString().matches("V\\d+__.*\\.sql"))
                    .sorted((a, b) -> Integer.compare(version(a), version(b))).toList();
            return ordered.stream().flatMap(p -> {
                try {
                    String text = Files.readAllLines(p).stream().filter(l -> !l.strip().startsWith("--")).collect(Collectors.joining("\n"));
                    return Stream.of(text.split(";")).map(String::strip).filter(sql -> !sql.isEmpty());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
    }

    private static int version(Path p) {
        String name = p.getFileName().toString();
        return Integer.parseInt(name.substring(1, name.indexOf("__")));
    }
}
