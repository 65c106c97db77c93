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
    /**
     * Security administration (安全管理员): users, roles, second factors, citizens' mobile bindings, district
     * keys. Separate from {@link #ADMIN} (system administration) and {@link #AUDITOR} (三员分立).
     */
    public static final String SECURITY = "security";
    /** Audit (审计管理员): reads the access logs and audit trails, and changes nothing. */
    public static final String AUDITOR = "auditor";
    /**
     * A monitoring system's account (Prometheus scraping {@code /api/v1/metrics} with HTTP Basic): reads the
     * appliance's figures and nothing else. Not an administrator (no second factor), never held with one.
     */
    public static final String MONITOR = "monitor";
    public static final Set<String> ROLES = Set.of(ADMIN, CLERK, REVIEWER, SUPERVISOR, SECURITY, AUDITOR, MONITOR);
    /**
     * The roles a resource method that names none in {@code @RolesAllowed} is open to: every role but
     * {@link #MONITOR}, whose account reaches only what names it.
     */
    public static final Set<String> PEOPLE = Set.of(ADMIN, CLERK, REVIEWER, SUPERVISOR, SECURITY, AUDITOR);
    /** Everyone who works in the hall and may read its cases; security administrators and auditors do not. */
    public static final Set<String> STAFF = Set.of(ADMIN, CLERK, REVIEWER, SUPERVISOR);

    /** The role prefix naming a department a reviewer works for: {@code dept-GA}. */
    public static final String DEPARTMENT_ROLE_PREFIX = "dept-";
    /** The department role of reviewers working for every department of the hall. */
    public static final String ALL_DEPARTMENTS = "ALL";

    private final String name;
    private final Set<String> roles;
    private final Set<String> departments;
    private final String client;

    public Actor(String name, Set<String> roles) {
        this(name, roles, Set.of());
    }

    /** An actor working for {@code departments} (codes, or {@link #ALL_DEPARTMENTS}). */
    public Actor(String name, Set<String> roles, Set<String> departments) {
        this(name, roles, departments, null);
    }

    /** The same, calling from {@code client} (an address), which the audit trail records with what it does. */
    public Actor(String name, Set<String> roles, Set<String> departments, String client) {
        this.name = name;
        this.roles = Set.copyOf(roles);
        this.departments = Set.copyOf(departments);
        this.client = client;
    }

    /** The appliance itself (start-up imports, scheduled work). */
    public static Actor system(String what) {
        return new Actor("system:" + what, PEOPLE, Set.of(ALL_DEPARTMENTS));
    }

    /** The departments named by {@code dept-<code>} roles among {@code roleNames}. */
    public static Set<String> departmentsOf(Set<String> roleNames) {
        Set<String> out = new TreeSet<>();
        for (String role : roleNames) {
            if (role.startsWith(DEPARTMENT_ROLE_PREFIX) && role.length() > DEPARTMENT_ROLE_PREFIX.length()) {
                out.add(role.substring(DEPARTMENT_ROLE_PREFIX.length()));
            }
        }
        return out;
    }

    public String name() {
        return name;
    }

    public Set<String> roles() {
        return roles;
    }

    /** Where the actor called from: the HTTP client's address, the SSH client's; null for the appliance's own work. */
    public String client() {
        return client;
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    /** The departments this actor works for; {@link #ALL_DEPARTMENTS} stands for all. */
    public Set<String> departments() {
        return departments;
    }

    /** Whether this actor works for the department {@code code}. */
    public boolean worksFor(String code) {
        return departments.contains(ALL_DEPARTMENTS) || departments.contains(code);
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
