package org.onewindow.supervision;

/** The colour of an open case's clock. */
public enum CardColor {
    GREEN,
    /** About to run over (预警). */
    YELLOW,
    /** Over its deadline (超期, 督办), or a violation. */
    RED
}
