package org.onewindow.supervision;

import java.util.List;

/** Figures by department, each with its items, and for the whole hall. */
public class StatisticsDTO {
    public FiguresDTO total;
    public List<FiguresDTO> departments;
}
