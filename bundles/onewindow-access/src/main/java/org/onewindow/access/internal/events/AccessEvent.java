package org.onewindow.access.internal.events;

/** What the access log records. */
public enum AccessEvent {
    LOGIN,
    LOGIN_FAILED,
    /** An account and client pair reached the failure limit: that client is locked out of that account. */
    LOGIN_LOCKED,
    LOGIN_REFUSED_LOCKED,
    /** So many failures on one account, from anywhere, that every client which failed on it is locked out of it. */
    ACCOUNT_UNDER_ATTACK,
    CLIENT_THROTTLED,
    SECOND_FACTOR_FAILED,
    RECOVERY_CODE_USED,
    /** An old unsalted SHA-512 hash replaced by a slow salted one at a successful login. */
    PASSWORD_REHASHED,
    PASSWORD_CHANGED,
    PASSWORD_SET,
    USER_CREATED,
    USER_DELETED,
    ROLES_CHANGED,
    UNLOCKED,
    SECOND_FACTOR_ENROLLED,
    SECOND_FACTOR_RESET,
    RECOVERY_CODES_RENEWED,
    SHELL_LOGIN,
    SHELL_LOGIN_FAILED
}
