package org.onewindow.evaluation.internal.shell;

import java.util.Locale;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.onewindow.evaluation.EvaluationFigures;
import org.onewindow.evaluation.FigureDimension;
import org.onewindow.evaluation.FigureRowDTO;
import org.onewindow.evaluation.FiguresDTO;
import org.onewindow.shell.DisplayTable;
import org.onewindow.shell.ShellActor;

/** {@code onewindow:ratings}: the 好差评 figures of a period (this month by default), in total and by a dimension. */
@Command(scope = "onewindow", name = "ratings", description = "Shows the ratings' figures (好差评): satisfaction, average, rating rate, bad ratings put right")
@Service
public class RatingsCommand implements Action {

    @Option(name = "--from", description = "First day, yyyy-MM-dd (default: the first of this month)")
    String from;

    @Option(name = "--to", description = "Last day, yyyy-MM-dd (default: today)")
    String to;

    @Option(name = "--by", description = "DEPARTMENT (default), ITEM, WINDOW, CLERK, CHANNEL, DAY or MONTH")
    String by;

    @Reference
    EvaluationFigures figures;

    @Reference
    Session session;

    @Override
    public Object execute() {
        FigureDimension d = by == null ? FigureDimension.DEPARTMENT : FigureDimension.valueOf(by.toUpperCase(Locale.ROOT));
        FiguresDTO f = figures.figures(from, to, d, null, ShellActor.of(session));
        DisplayTable t = new DisplayTable().column(d.name()).column("Services", DisplayTable.Align.RIGHT).column("Ratings", DisplayTable.Align.RIGHT)
                .column("Satisfied", DisplayTable.Align.RIGHT).column("Average", DisplayTable.Align.RIGHT).column("Rated", DisplayTable.Align.RIGHT)
                .column("Bad", DisplayTable.Align.RIGHT).column("Put right", DisplayTable.Align.RIGHT).column("On time", DisplayTable.Align.RIGHT);
        f.rows().forEach(r -> row(t, r.label(), r));
        row(t, "Total", f.total());
        System.out.printf("Ratings %s to %s%n", f.from(), f.to());
        t.print(System.out);
        return null;
    }

    private static void row(DisplayTable t, String label, FigureRowDTO r) {
        t.row(label, r.services() == null ? "" : r.services(), r.ratings(), percent(r.satisfactionRate()),
                r.average() == null ? "" : String.format(Locale.ROOT, "%.2f", r.average()), percent(r.ratingRate()), r.bad(), percent(r.rectificationRate()),
                percent(r.onTimeRate()));
    }

    private static String percent(Double rate) {
        return rate == null ? "" : String.format(Locale.ROOT, "%.1f %%", rate * 100);
    }
}
