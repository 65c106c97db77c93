package org.onewindow.node.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.jaas.modules.BackingEngine;
import org.onewindow.problem.Problem;
import org.onewindow.problem.ProblemKind;
import org.onewindow.security.Actor;
import org.onewindow.security.LoginLocks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The appliance's users and their OneWindow roles, in the realm's user store (passwords stored
 * hashed by it). Roles other than OneWindow's and {@code dept-<code>} (Karaf's own, groups) are
 * left as they are.
 */
final class UserAdmin {
    private static final Logger LOG = LoggerFactory.getLogger(UserAdmin.class);
    static final Pattern NAME = Pattern.compile("[a-z][a-z0-9._-]{1,31}");
    static final Pattern DEPARTMENT_ROLE = Pattern.compile(Actor.DEPARTMENT_ROLE_PREFIX + "[A-Z0-9][A-Z0-9_.-]{0,31}");
    static final int MIN_PASSWORD = 8;

    private final Supplier<BackingEngine> store;
    private final Supplier<LoginLocks> locks;

    /** @param locks the lock-out of the REST base; {@code null} inside while it is not there */
    UserAdmin(Supplier<BackingEngine> store, Supplier<LoginLocks> locks) {
        this.store = store;
        this.locks = locks;
    }

    List<UserDTO> list() {
        BackingEngine engine = engine();
        List<UserDTO> out = new ArrayList<>();
        for (UserPrincipal u : engine.listUsers()) {
            out.add(view(engine, u));
        }
        out.sort((a, b) -> a.name.compareTo(b.name));
        return out;
    }

    UserDTO create(UserDTO request, String by) {
        String name = name(request == null ? null : request.name);
        List<String> roles = roles(request.roles);
        String password = password(request.password);
        BackingEngine engine = engine();
        if (engine.lookupUser(name) != null) {
            throw new Problem(ProblemKind.CONFLICT, "USER_EXISTS", "用户 " + name + " 已存在");
        }
        engine.addUser(name, password);
        apply(engine, name, roles);
        settle(name, roles, e -> {
            e.addUser(name, password);
            apply(e, name, roles);
        });
        LOG.info("User {} created by {} with roles {}", name, by, roles);
        BackingEngine fresh = engine();
        return view(fresh, fresh.lookupUser(name));
    }

    /** Replaces the user's OneWindow and department roles. */
    UserDTO setRoles(String name, List<String> requested, String by) {
        List<String> roles = roles(requested);
        BackingEngine engine = engine();
        UserPrincipal user = existing(engine, name);
        apply(engine, name, roles);
        settle(name, roles, e -> apply(e, name, roles));
        LOG.info("Roles of user {} set to {} by {}", name, roles, by);
        return view(engine(), user);
    }

    void setPassword(String name, String password, String by) {
        String checked = password(password);
        BackingEngine engine = engine();
        existing(engine, name);
        engine.addUser(name, checked);
        LOG.info("Password of user {} set by {}", name, by);
    }

    /** Opens an account locked after repeated failed logins. */
    void unlock(String name, String by) {
        existing(engine(), name);
        LoginLocks l = locks.get();
        if (l == null) {
            throw new Problem(ProblemKind.UNAVAILABLE, "USER_STORE_UNAVAILABLE", "登录锁定服务暂不可用");
        }
        l.unlock(name);
        LOG.info("User {} unlocked by {}", name, by);
    }

    void delete(String name, String by) {
        if (name.equals(by)) {
            throw new Problem(ProblemKind.CONFLICT, "CANNOT_DELETE_SELF", "不能删除当前登录的用户");
        }
        BackingEngine engine = engine();
        existing(engine, name);
        engine.deleteUser(name);
        LOG.info("User {} deleted by {}", name, by);
    }

    /** Gives the user exactly {@code roles} of those this page manages; others stay. */
    private static void apply(BackingEngine engine, String name, List<String> roles) {
        UserPrincipal user = engine.lookupUser(name);
        for (RolePrincipal r : engine.listRoles(user)) {
            if (managed(r.getName()) && !roles.contains(r.getName())) {
                engine.deleteRole(name, r.getName());
            }
        }
        Set<String> have = engine.listRoles(user).stream().map(RolePrincipal::getName).collect(Collectors.toSet());
        roles.stream().filter(r -> !have.contains(r)).forEach(r -> engine.addRole(name, r));
    }

    /** Reads the change back once the file is quiet (see {@link SettledWrites}) and writes it again if it was lost. */
    private void settle(String name, List<String> roles, Consumer<BackingEngine> again) {
        boolean held = SettledWrites.settle(store, e -> {
            UserPrincipal user = e.lookupUser(name);
            return user != null && e.listRoles(user).stream().map(RolePrincipal::getName).filter(UserAdmin::managed)
                    .collect(Collectors.toSet()).equals(Set.copyOf(roles));
        }, e -> {
            LOG.warn("The change to user {} was lost by a concurrent rewrite of users.properties; writing it again", name);
            again.accept(e);
        });
        if (!held) {
            throw new Problem(ProblemKind.UNAVAILABLE, "USER_STORE_BUSY", "用户库正被改写，修改未能保存，请稍后重试");
        }
    }

    /** OneWindow's roles and department roles: those this page manages. */
    static boolean managed(String role) {
        return Actor.ROLES.contains(role) || role.startsWith(Actor.DEPARTMENT_ROLE_PREFIX);
    }

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
        return new ArrayList<>(out);
    }

    static String name(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw Problem.badRequest("INVALID_USER", "用户名须为 2-32 位小写字母、数字或 ._-，以字母开头");
        }
        return name;
    }

    static String password(String password) {
        if (password == null || password.length() < MIN_PASSWORD || password.isBlank()) {
            throw Problem.badRequest("INVALID_USER", "密码至少 " + MIN_PASSWORD + " 位");
        }
        return password;
    }

    private static UserPrincipal existing(BackingEngine engine, String name) {
        UserPrincipal user = engine.lookupUser(name);
        if (user == null) {
            throw Problem.notFound("USER_NOT_FOUND", "没有用户 " + name);
        }
        return user;
    }

    private BackingEngine engine() {
        BackingEngine engine = store.get();
        if (engine == null) {
            throw new Problem(ProblemKind.UNAVAILABLE, "USER_STORE_UNAVAILABLE", "用户库暂不可用");
        }
        return engine;
    }

    private UserDTO view(BackingEngine engine, UserPrincipal user) {
        UserDTO dto = new UserDTO();
        dto.name = user.getName();
        LoginLocks l = locks.get();
        Instant until = l == null ? null : l.lockedUntil(user.getName());
        dto.lockedUntil = until == null ? null : until.toString();
        dto.roles = engine.listRoles(user).stream().map(RolePrincipal::getName).filter(UserAdmin::managed).sorted()
                .collect(Collectors.toList());
        return dto;
    }

    /** A user as the administration page shows and changes it; the password only goes in. */
    public static class UserDTO {
        public String name;
        public List<String> roles;
        public String password;
        /** While the account is locked after repeated failed logins: until when. */
        public String lockedUntil;
    }
}
