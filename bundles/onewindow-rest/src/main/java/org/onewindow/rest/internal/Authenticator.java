package org.onewindow.rest.internal;

import java.util.Optional;

/** Checks a user name and password; on success, the user and their roles. */
interface Authenticator {
    Optional<AuthenticatedUser> authenticate(String user, char[] password);
}
