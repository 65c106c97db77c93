package org.onewindow.evaluation.internal.figures;

import org.onewindow.evaluation.FigureDimension;

/**
 * The column each dimension groups by, in a table with the ratings' or the services' columns ({@code day} is the table's
 * day column), and the label shown for it. A channel is a rating's only: services have none.
 */
record FigureSql(String key, String label) {

    static FigureSql of(FigureDimension by, String day) {
        return switch (by) {
            case DEPARTMENT -> new FigureSql("DEPT_CODE", "MAX(DEPT_NAME)");
            case ITEM -> new FigureSql("ITEM_CODE", "MAX(ITEM_NAME)");
            case WINDOW -> new FigureSql("WINDOW_NO", "MAX(WINDOW_NO)");
            case CLERK -> new FigureSql("CLERK", "MAX(CLERK)");
            case CHANNEL -> new FigureSql("CHANNEL", "MAX(CHANNEL)");
            case DAY -> new FigureSql(day, "MAX(" + day + ")");
            case MONTH -> new FigureSql("YEAR(" + day + ") * 100 + MONTH(" + day + ")", "MAX(YEAR(" + day + ") * 100 + MONTH(" + day + "))");
        };
    }

    /** The whole period as one row. */
    static FigureSql total() {
        return new FigureSql("'ALL'", "'ALL'");
    }
}
