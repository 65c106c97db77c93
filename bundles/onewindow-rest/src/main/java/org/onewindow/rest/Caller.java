package org.onewindow.rest;

import java.util.Set;
import java.util.stream.Collectors;

import javax.ws.rs.core.SecurityContext;

import org.onewindow.rest.internal.AuthenticatedUser;
import org.onewindow.security.Actor;

/** Who made a request, for audit trails: the authenticated user name, or {@code anonymous}. */
public final class Caller {
    private Caller() {
    }

    /** The caller as the services see them: name and OneWindow roles. */
    public static Actor actor(SecurityContext context) {
        Set<String> roles = context == null ? Set.of()
                : Actor.ROLES.stream().filter(context::isUserInRole).collect(Collectors.toSet());
        if (context instanceof AuthenticatedUser) {
            AuthenticatedUser user = (AuthenticatedUser) context;
            return new Actor(name(context), roles, Actor.departmentsOf(user.roles()), user.client());
        }
        return new Actor(name(context), roles, Set.of());
    }

    public static String name(SecurityContext context) {
        return context == null || context.getUserPrincipal() == null ? "anonymous" : context.getUserPrincipal().getName();
    }
}
