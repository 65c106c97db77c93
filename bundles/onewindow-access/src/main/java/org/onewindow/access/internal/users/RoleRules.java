package org.onewindow.access.internal.users;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.onewindow.problem.Problem;
import org.onewindow.security.Actor;

/**
 * Which roles and names an account may have. The three administrators of graded protection
 * (三员分立: system administration {@code admin}, security {@code security}, audit {@code auditor})
 * are separate people: an account holds at most one of the three.
 */
final class RoleRules {
    static final Pattern NAME = Pattern.compile("[a-z][a-z0-9._-]{1,31}");
    static final Pattern DEPARTMENT_ROLE = Pattern.compile(Actor.DEPARTMENT_ROLE_PREFIX + "[A-Z0-9][A-Z0-9_.-]{0,31}");
    static final Set<String> DUTIES = Set.of(Actor.ADMIN, Actor.SECURITY, Actor.AUDITOR);

    private RoleRules() {
    }

    /** OneWindow's roles and department roles: those the users page manages (Karaf's own and groups are left alone). */
    static boolean managed(String role) {
        return Actor.ROLES.contains(role) || role.startsWith(Actor.DEPARTMENT_ROLE_PREFIX);
    }

    /** The roles asked for, checked, sorted and once each. */
    static List<String> roles(List<String> requested) {
        if (requested == null) {
            throw Problem.badRequest("INVALID_USER", "roles 必填（可为空数组）");
        }
        Set<String> out = new TreeSet<>();
        for (String r : requested) {
            String role = r == null ? "" : r.strip();
            if (!Actor.ROLES.contains(role) && !DEPARTMENT_ROLE.matcher(role).matches()) {
                throw Problem.badRequest("INVALID_USER", "未知角色 '" + role + "'：可用 " + new TreeSet<>(Actor.ROLES)
                        + " 及 dept-<部门编码>（如 dept-GA，dept-ALL）");
            }
            out.add(role);
        }
        if (out.stream().filter(DUTIES::contains).count() > 1) {
            throw Problem.badRequest("ROLES_CONFLICT", "系统管理员（admin）、安全管理员（security）、审计管理员（auditor）须由不同的人担任：一个账户至多其一");
        }
        // a scraper's password sits in a monitoring system's configuration: it must not open an administrator's work
        if (out.contains(Actor.MONITOR) && out.stream().anyMatch(DUTIES::contains)) {
            throw Problem.badRequest("ROLES_CONFLICT", "监控账户（monitor）的密码保存在监控系统的配置中，不能同时担任系统管理员、安全管理员或审计管理员");
        }
        return new ArrayList<>(out);
    }

    static String name(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw Problem.badRequest("INVALID_USER", "用户名须为 2-32 位小写字母、数字或 ._-，以字母开头");
        }
        return name;
    }
}
