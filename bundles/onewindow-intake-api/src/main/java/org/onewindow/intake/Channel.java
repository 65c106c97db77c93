package org.onewindow.intake;

/** Where a case came in. */
public enum Channel {
    WINDOW, ONLINE, KIOSK
}
