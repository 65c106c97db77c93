package org.onewindow.security;

import java.util.Set;
import java.util.TreeSet;

import org.onewindow.problem.Problem;
import org.onewindow.problem.ProblemKind;

/** The user a service acts for, with their OneWindow roles; services check roles against it. */
public final class Actor {
    public static final String ADMIN = "admin";
    public static final String CLERK = "clerk";
    public static final String REVIEWER = "reviewer";
    public static final String SUPERVISOR = "supervisor";
    public static final Set<String> ROLES = Set.of(ADMIN, CLERK, REVIEWER, SUPERVISOR);
    /** Everyone who works in the hall and may read its cases. */
    public static final Set<String> STAFF = ROLES;

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

    /** Refuses ({@code 403 FORBIDDEN}) an actor holding none of {@code allowed}. */
    public void requireAny(Set<String> allowed) {
        if (allowed.stream().noneMatch(roles::contains)) {
            throw new Problem(ProblemKind.FORBIDDEN, "FORBIDDEN", "当前用户无权执行此操作，需要角色：" + String.join("、", new TreeSet<>(allowed)));
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
