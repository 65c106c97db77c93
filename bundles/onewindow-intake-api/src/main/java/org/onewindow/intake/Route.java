package org.onewindow.intake;

/**
 * How a department decides: in this appliance's back office, in its own approval system, or in
 * another district's appliance, reached through the city hub (全市通办).
 */
public enum Route {
    LOCAL,
    REMOTE,
    CITY
}
