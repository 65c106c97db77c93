package org.onewindow.db;

import javax.sql.DataSource;

import org.osgi.annotation.versioning.ProviderType;
import org.osgi.framework.Bundle;

/**
 * Brings a module's tables up to date from the versioned SQL scripts its bundle carries.
 *
 * <p>Scripts are named {@code V<n>__<description>.sql} (n = 1, 2, ...). Each one runs once, in its
 * own transaction together with its row in the history table; a script changed after it ran is
 * refused, since schema changes must be new versions, never edits.
 */
@ProviderType
public interface SchemaMigrations {

    /**
     * Applies the scripts in {@code folder} of {@code bundle} not yet applied for {@code module}.
     *
     * @return the schema version of the module after migration
     * @throws MigrationException if a script fails or an applied script was changed
     */
    int migrate(String module, Bundle bundle, String folder);

    /**
     * The same against another database than the appliance's own, such as the city hub's PostgreSQL;
     * the history of its migrations is kept in that database. Scripts are written for Derby and run
     * unchanged on PostgreSQL but for {@code CLOB}, which becomes {@code TEXT} there.
     */
    int migrate(DataSource dataSource, String module, Bundle bundle, String folder);

    /**
     * The modules brought up to date since this appliance started (checked against their scripts, whether anything was
     * left to run or not), in this database or another: what the node's health waits for before it says {@code UP}.
     */
    java.util.Set<String> migrated();

    /** The schema version of {@code module}, 0 if it has none yet. */
    int currentVersion(String module);
}
