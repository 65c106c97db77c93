package org.onewindow.evaluation;

/** A rectification step's card on the supervision board, as a case's deadline: yellow on its last working day, red after. */
public enum Card {
    GREEN, YELLOW, RED
}
