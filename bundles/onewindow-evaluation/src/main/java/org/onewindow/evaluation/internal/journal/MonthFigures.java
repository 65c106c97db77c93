package org.onewindow.evaluation.internal.journal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.onewindow.db.ChangeJournal;
import org.onewindow.evaluation.EvaluationFigures;
import org.onewindow.evaluation.FigureDimension;
import org.onewindow.evaluation.FigureRowDTO;
import org.onewindow.evaluation.FiguresDTO;
import org.onewindow.evaluation.internal.EvaluationConfig;
import org.onewindow.evaluation.internal.EvaluationStore;
import org.onewindow.rest.Json;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The months' figures for the city hub's board (kind {@value #KIND}, key {@code yyyy-MM}): the hall's total and each
 * department's row, journaled every {@code figuresSeconds} for the months whose ratings or rectifications changed (and at
 * each start for this month and the one before), so that the city ranks halls and departments without reading ratings.
 */
@Component(immediate = true, service = MonthFigures.class, configurationPid = EvaluationConfig.PID)
public class MonthFigures {
    public static final String KIND = "RATING_MONTH";
    private static final Logger LOG = LoggerFactory.getLogger(MonthFigures.class);

    @Reference
    EvaluationStore store;

    @Reference
    EvaluationFigures figures;

    @Reference
    ChangeJournal journal;

    /** What each month's record last said: a month found unchanged is not journaled again. */
    private final Map<YearMonth, String> journaled = new HashMap<>();
    private ScheduledExecutorService worker;

    /** A month's record. */
    public record Payload(String month, FigureRowDTO total, List<FigureRowDTO> departments) {
    }

    @Activate
    void activate(EvaluationConfig config) {
        LocalDate today = store.today();
        store.changed(today);
        store.changed(today.minusMonths(1));
        worker = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "onewindow-evaluation-figures"));
        worker.scheduleWithFixedDelay(this::runSafely, 5, Math.max(1, config.figuresSeconds()), TimeUnit.SECONDS);
    }

    @Deactivate
    void deactivate() {
        worker.shutdownNow();
    }

    private void runSafely() {
        try {
            run();
        } catch (RuntimeException e) {
            LOG.warn("The months' rating figures for the city hub paused: {}", e.toString());
        }
    }

    /** Journals the changed months' figures; answers how many records it wrote. */
    synchronized int run() {
        Set<YearMonth> months = store.takeChangedMonths();
        LocalDate today = store.today();
        int written = 0;
        for (YearMonth m : months) {
            if (m.isAfter(YearMonth.from(today))) {
                continue;
            }
            LocalDate last = m.atEndOfMonth().isAfter(today) ? today : m.atEndOfMonth();
            FiguresDTO f = figures.hall(m.atDay(1).toString(), last.toString(), FigureDimension.DEPARTMENT);
            if (f.total().ratings() == 0 && f.total().malicious() == 0 && f.total().services() == 0) {
                continue;
            }
            String payload = Json.write(new Payload(m.toString(), f.total(), f.rows()));
            if (!payload.equals(journaled.get(m))) {
                store.tx(c -> journal.append(c, KIND, m.toString(), payload));
                journaled.put(m, payload);
                written++;
            }
        }
        return written;
    }

    /** After a restore: these months are sent again as they are here. */
    void again(Iterable<String> months) {
        for (String m : months) {
            YearMonth month = YearMonth.parse(m);
            synchronized (this) {
                journaled.remove(month);
            }
            store.changed(month.atDay(1));
        }
    }
}
