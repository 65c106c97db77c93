package org.onewindow.security;

import java.util.Set;

/** The user a service acts for, with their OneWindow roles; services check roles against it. */
public final class Actor {
    public static final String ADMIN = "admin";
    public static final String CLERK = "clerk";
    public static final String REVIEWER = "reviewer";
    public static final String SUPERVISOR = "supervisor";
    public static final Set<String> ROLES = Set.of(ADMIN, CLERK, REVIEWER, SUPERVISOR);

    private final String name;
    private final Set<String> roles;

    public Actor(String name, Set<String> roles) {
        this.name = name;
        this.roles = Set.copyOf(roles);
    }

    /** The appliance itself (start-up imports, scheduled work). */
    public static Actor system(String what) {
        return new Actor("system:" + what, ROLES);
    }

    public String name() {
        return name;
    }

    public Set<String> roles() {
        return roles;
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    @Override
    public String toString() {
        return name;
    }
}
