package org.onewindow.metrics.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.stream.Stream;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.BaseUnits;

/**
 * Derby's cheap figures: the database's size on disk (its folder's files, a few hundred: data segments and the
 * transaction log) and the transactions open now ({@code SYSCS_DIAG.TRANSACTION_TABLE}, an in-memory table). The
 * appliance's datasource has no connection pool, so there is no pool to count.
 */
final class DerbyFigures extends DatabaseFigures {
    static final String TRANSACTIONS = "SELECT COUNT(*) FROM SYSCS_DIAG.TRANSACTION_TABLE WHERE STATUS = 'ACTIVE' AND TYPE = 'UserTransaction'";
    private final Path folder;
    private volatile double size = Double.NaN;
    private volatile double transactions = Double.NaN;

    /** {@code folder}: the database's own folder ({@code data/onewindow/derby}). */
    DerbyFigures(MeterRegistry registry, Path folder) {
        this.folder = folder;
        Gauge.builder("onewindow.derby.size", this, f -> f.size).baseUnit(BaseUnits.BYTES)
                .description("The Derby database's size on disk (data/onewindow/derby)").register(registry);
        Gauge.builder("onewindow.derby.transactions.active", this, f -> f.transactions)
                .description("Transactions open in Derby now that have written (the metrics' own read is not one)").register(registry);
    }

    @Override
    void read(Connection c) throws SQLException {
        transactions = JournalFigures.single(c, TRANSACTIONS);
        size = sizeOf(folder);
    }

    @Override
    void absent() {
        transactions = Double.NaN;
        size = sizeOf(folder);
    }

    static double sizeOf(Path folder) {
        if (folder == null || !Files.isDirectory(folder)) {
            return Double.NaN;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException gone) {
                    return 0; // removed while walking (a log file switched)
                }
            }).sum();
        } catch (IOException | java.io.UncheckedIOException e) {
            return Double.NaN;
        }
    }
}
