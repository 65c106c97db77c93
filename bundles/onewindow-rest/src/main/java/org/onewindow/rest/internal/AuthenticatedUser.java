package org.onewindow.rest.internal;

import java.security.Principal;
import java.util.Set;

import javax.ws.rs.core.SecurityContext;

/** A user who proved their password, as the JAX-RS security context of their request. */
public final class AuthenticatedUser implements SecurityContext {
    private final String name;
    private final Set<String> roles;
    private final boolean secure;

    AuthenticatedUser(String name, Set<String> roles) {
        this(name, roles, false);
    }

    private AuthenticatedUser(String name, Set<String> roles, boolean secure) {
        this.name = name;
        this.roles = Set.copyOf(roles);
        this.secure = secure;
    }

    AuthenticatedUser over(boolean secureChannel) {
        return new AuthenticatedUser(name, roles, secureChannel);
    }

    /** All the user's role names, OneWindow's and others such as {@code dept-GA}. */
    public Set<String> roles() {
        return roles;
    }

    @Override
    public Principal getUserPrincipal() {
        return () -> name;
    }

    @Override
    public boolean isUserInRole(String role) {
        return roles.contains(role);
    }

    @Override
    public boolean isSecure() {
        return secure;
    }

    @Override
    public String getAuthenticationScheme() {
        return BASIC_AUTH;
    }
}
