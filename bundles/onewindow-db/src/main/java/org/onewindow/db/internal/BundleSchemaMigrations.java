package org.onewindow.db.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.onewindow.db.MigrationException;
import org.onewindow.db.SchemaMigrations;
import org.osgi.framework.Bundle;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Runs the migrations that capability bundles carry against the appliance's datasource. */
@Component(service = SchemaMigrations.class)
public class BundleSchemaMigrations implements SchemaMigrations {

    @Reference(target = "(osgi.jndi.service.name=onewindow)")
    DataSource dataSource;

    private MigrationRunner runner;
    private final Set<String> migrated = ConcurrentHashMap.newKeySet();

    @Activate
    void activate() {
        runner = new MigrationRunner(dataSource);
    }

    @Override
    public int migrate(String module, Bundle bundle, String folder) {
        int version = runner.migrate(module, read(bundle, folder));
        migrated.add(module);
        return version;
    }

    @Override
    public int migrate(DataSource other, String module, Bundle bundle, String folder) {
        // one runner per database: the runner serializes migrations of the same database
        synchronized (BundleSchemaMigrations.class) {
            int version = new MigrationRunner(other).migrate(module, read(bundle, folder));
            migrated.add(module);
            return version;
        }
    }

    @Override
    public Set<String> migrated() {
        return Set.copyOf(migrated);
    }

    @Override
    public int currentVersion(String module) {
        return runner.currentVersion(module);
    }

    private static List<Migration> read(Bundle bundle, String folder) {
        List<Migration> out = new ArrayList<>();
        Enumeration<URL> entries = bundle.findEntries(folder, "V*.sql", false);
        while (entries != null && entries.hasMoreElements()) {
            URL url = entries.nextElement();
            String path = url.getPath();
            try (InputStream in = url.openStream()) {
                out.add(Migration.of(path.substring(path.lastIndexOf('/') + 1),
                        new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new MigrationException("Cannot read migration " + path + " of " + bundle.getSymbolicName(), e);
            }
        }
        if (out.isEmpty()) {
            throw new MigrationException("Bundle " + bundle.getSymbolicName() + " has no migrations under " + folder);
        }
        return out;
    }
}
