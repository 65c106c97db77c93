package org.onewindow.db.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.apache.derby.jdbc.EmbeddedDataSource;

/**
 * In-memory Derby databases for the unit tests of persistence services, with the schema their bundles'
 * own versioned scripts make (read from the test's class path, run by the appliance's own runner) and
 * the real change journal. Shared with other bundles' tests through this module's test jar.
 */
public final class TestDatabases {
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private TestDatabases() {
    }

    /** A new, empty in-memory database. */
    public static EmbeddedDataSource memory(String name) {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName("memory:" + name + DATABASES.incrementAndGet());
        ds.setCreateDatabase("create");
        return ds;
    }

    /** Runs the scripts of {@code folder} on the class path (a folder or inside a jar) for {@code module}; the schema version after. */
    public static int migrate(DataSource ds, String module, String folder) {
        List<Migration> scripts = new ArrayList<>();
        for (String name : scriptNames(folder)) {
            scripts.add(Migration.of(name, read(folder + "/" + name)));
        }
        if (scripts.isEmpty()) {
            throw new IllegalArgumentException("no migration scripts in " + folder + " on the class path");
        }
        return new MigrationRunner(ds).migrate(module, scripts);
    }

    /** The appliance's change journal on {@code ds}, migrated: what every journaled transaction appends to. */
    public static JdbcChangeJournal journal(DataSource ds) {
        migrate(ds, "journal", "db/migration/journal");
        JdbcChangeJournal journal = new JdbcChangeJournal();
        journal.dataSource = ds;
        journal.load(false);
        return journal;
    }

    private static List<String> scriptNames(String folder) {
        URL url = TestDatabases.class.getClassLoader().getResource(folder);
        if (url == null) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        try {
            if ("jar".equals(url.getProtocol())) {
                JarURLConnection connection = (JarURLConnection) url.openConnection();
                connection.setUseCaches(false);
                try (JarFile jar = connection.getJarFile()) {
                    jar.stream().map(e -> e.getName()).filter(n -> n.startsWith(folder + "/") && n.endsWith(".sql"))
                            .map(n -> n.substring(folder.length() + 1)).forEach(names::add);
                }
            } else {
                try (Stream<Path> files = Files.list(Paths.get(url.toURI()))) {
                    files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sql")).forEach(names::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        Collections.sort(names);
        return names;
    }

    private static String read(String resource) {
        try (InputStream in = TestDatabases.class.getClassLoader().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
