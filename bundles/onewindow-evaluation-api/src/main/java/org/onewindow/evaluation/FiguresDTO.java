package org.onewindow.evaluation;

import java.util.List;

/** Figures of the days {@code from}–{@code to} (the hall's days, inclusive), in total and by {@code by}. */
public record FiguresDTO(String from, String to, FigureDimension by, String department, FigureRowDTO total, List<FigureRowDTO> rows) {
}
