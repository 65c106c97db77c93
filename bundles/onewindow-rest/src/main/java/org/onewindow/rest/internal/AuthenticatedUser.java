package org.onewindow.rest.internal;

import java.security.Principal;
import java.util.Set;

import javax.ws.rs.core.SecurityContext;

/** A user who proved their password, as the JAX-RS security context of their request. */
public final class AuthenticatedUser implements SecurityContext {
    private final String name;
    private final Set<String> roles;
    private final boolean secure;
    private final String client;

    AuthenticatedUser(String name, Set<String> roles) {
        this(name, roles, false, null);
    }

    private AuthenticatedUser(String name, Set<String> roles, boolean secure, String client) {
        this.name = name;
        this.roles = Set.copyOf(roles);
        this.secure = secure;
        this.client = client;
    }

    AuthenticatedUser over(boolean secureChannel) {
        return new AuthenticatedUser(name, roles, secureChannel, client);
    }

    /** The same user as the caller of one request from {@code address}: the audit trail records where each call came from. */
    AuthenticatedUser from(String address) {
        return new AuthenticatedUser(name, roles, secure, address);
    }

    /** The address this request came from; null outside a request. */
    public String client() {
        return client;
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
