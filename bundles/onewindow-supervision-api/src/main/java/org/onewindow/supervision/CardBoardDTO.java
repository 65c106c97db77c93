package org.onewindow.supervision;

import java.util.List;

/** The cards as of the last supervision run, most urgent first. */
public class CardBoardDTO {
    /** The last run: when it ran and the clock it used. */
    public RunDTO lastRun;
    public long yellow;
    public long red;
    public long violations;
    public List<CardDTO> cards;
    /** Such as a year without an official holiday schedule. */
    public List<String> warnings;
}
