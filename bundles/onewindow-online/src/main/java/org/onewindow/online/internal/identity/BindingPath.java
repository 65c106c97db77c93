package org.onewindow.online.internal.identity;

/** How a mobile came to be bound to an ID number: each a place where someone verified the person. */
public enum BindingPath {
    /** A clerk at a window, having checked the citizen's ID card (绑定/变更手机号). */
    WINDOW_CLERK,
    /** The mobile on the citizen's own case taken in at a window, where a clerk saw the ID card. */
    WINDOW_CASE,
    /** A clerk confirmed it when the citizen checked in for an appointment (签到). */
    CHECK_IN,
    /** A real-name verification service (实名核验) answered that the mobile is registered in the citizen's name. */
    REAL_NAME
}
