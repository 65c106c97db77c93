package org.onewindow.supervision;

import java.util.List;

/** One supervision run over the open cases. */
public class RunDTO {
    public String startedAt;
    /** The time the cards were computed for (the real clock, or a test's). */
    public String clockAt;
    public long millis;
    public int openCases;
    public int yellow;
    public int red;
    /** Cards added, changed or removed by this run. */
    public int changed;
    public List<String> warnings;
}
