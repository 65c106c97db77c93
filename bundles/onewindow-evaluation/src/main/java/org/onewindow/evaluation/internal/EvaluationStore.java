package org.onewindow.evaluation.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.time.ZoneId;

import javax.sql.DataSource;

import org.onewindow.db.DbFailures;
import org.onewindow.db.Jdbc;
import org.onewindow.db.SchemaMigrations;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The evaluation's tables (migrated before anyone uses them), its one way to a transaction, its settings and clock, so that
 * every part reads the same day.
 */
@Component(service = EvaluationStore.class, configurationPid = EvaluationConfig.PID)
@Designate(ocd = EvaluationConfig.class)
public class EvaluationStore {
    private static final int ATTEMPTS = 5;

    @Reference(target = "(osgi.jndi.service.name=onewindow)")
    DataSource dataSource;

    @Reference
    SchemaMigrations migrations;

    private EvaluationConfig config;
    private ZoneId zone;
    private Clock clock = Clock.systemUTC();
    /** The months whose figures changed since they were last journaled for the city hub ({@code MonthFigures}). */
    private final Set<YearMonth> changedMonths = ConcurrentHashMap.newKeySet();

    @Activate
    void activate(BundleContext context, EvaluationConfig config) {
        migrations.migrate("evaluation", context.getBundle(), "db/migration/evaluation");
        this.config = config;
        this.zone = ZoneId.of(config.zone());
    }

    /** For the unit tests: a migrated database, a configuration, a clock. */
    public static EvaluationStore of(DataSource dataSource, EvaluationConfig config, Clock clock) {
        EvaluationStore s = new EvaluationStore();
        s.dataSource = dataSource;
        s.config = config;
        s.zone = ZoneId.of(config.zone());
        s.clock = clock;
        return s;
    }

    public <R> R tx(Jdbc.Work<R> work) {
        return DbFailures.retryTransient(ATTEMPTS, () -> Jdbc.tx(dataSource, work));
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public EvaluationConfig config() {
        return config;
    }

    public Clock clock() {
        return clock;
    }

    public ZoneId zone() {
        return zone;
    }

    /** A rating of {@code day} (or its rectification) changed: its month's figures are to be sent again. */
    public void changed(LocalDate day) {
        changedMonths.add(YearMonth.from(day));
    }

    /** The months changed since the last call, taken. */
    public Set<YearMonth> takeChangedMonths() {
        Set<YearMonth> out = new java.util.TreeSet<>(changedMonths);
        changedMonths.removeAll(out);
        return out;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }
}
