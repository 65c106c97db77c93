package org.onewindow.access;

/**
 * One try to log in.
 *
 * @param user the name given, as given
 * @param password the password given; wiped by {@link StaffLogins#login}
 * @param secondFactor the current code of the authenticator app, or a recovery code; {@code null} if none was given
 * @param client where the try comes from (the client's address), so that lock-outs keep to the pair of
 *        account and client and an owner elsewhere still gets in
 * @param channel the way the try comes
 */
public record LoginAttempt(String user, char[] password, String secondFactor, String client, Channel channel) {

    /** The ways staff log in. */
    public enum Channel {
        /** The console's login form ({@code POST /api/v1/session}): a session follows. */
        CONSOLE,
        /** HTTP Basic on every API request of a script; verified logins are remembered briefly. */
        BASIC,
        /** The Karaf shell over SSH. */
        SHELL
    }
}
