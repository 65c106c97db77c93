package org.onewindow.evaluation;

/** What the figures are broken down by. */
public enum FigureDimension {
    DEPARTMENT, ITEM, WINDOW, CLERK, CHANNEL, DAY, MONTH
}
