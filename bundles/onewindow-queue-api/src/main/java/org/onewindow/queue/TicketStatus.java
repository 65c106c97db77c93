package org.onewindow.queue;

/** Waiting; called to a window (and served there); done; or not there when called (过号). */
public enum TicketStatus {
    WAITING, CALLED, DONE, NO_SHOW
}
