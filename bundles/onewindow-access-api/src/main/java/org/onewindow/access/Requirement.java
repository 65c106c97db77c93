package org.onewindow.access;

/** What an account must do before it may work; until then it may only change its own account. */
public enum Requirement {
    /** The password was set by an administrator, or is older than the policy allows. */
    CHANGE_PASSWORD,
    /** The account's roles need a second factor, and it has none yet. */
    ENROL_SECOND_FACTOR
}
