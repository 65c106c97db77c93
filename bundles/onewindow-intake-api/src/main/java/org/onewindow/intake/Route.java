package org.onewindow.intake;

/** How a department decides: in this appliance's back office, or in its own approval system. */
public enum Route {
    LOCAL,
    REMOTE
}
