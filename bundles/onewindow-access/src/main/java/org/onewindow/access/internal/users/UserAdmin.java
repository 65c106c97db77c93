package org.onewindow.access.internal.users;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.jaas.modules.BackingEngine;
import org.onewindow.access.internal.events.AccessEvent;
import org.onewindow.access.internal.login.JaasStaffLogins;
import org.onewindow.access.internal.password.Credentials;
import org.onewindow.access.internal.password.PasswordChanges;
import org.onewindow.problem.Problem;
import org.onewindow.problem.ProblemKind;
import org.onewindow.security.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The appliance's users and their OneWindow roles, kept by the security administrator: in the realm's
 * user store (passwords hashed there), each change in the access log. A new account's password, and
 * one set by the administrator, must be changed by its owner at the first login. Roles other than
 * OneWindow's and {@code dept-<code>} (Karaf's own, groups) are left as they are.
 */
public final class UserAdmin {
    private static final Logger LOG = LoggerFactory.getLogger(UserAdmin.class);
    private final JaasStaffLogins access;
    private final PasswordChanges passwords;

    public UserAdmin(JaasStaffLogins access) {
        this.access = access;
        this.passwords = new PasswordChanges(access);
    }

    public List<UserDTO> list() {
        BackingEngine engine = engine();
        List<UserDTO> out = new ArrayList<>();
        for (UserPrincipal u : engine.listUsers()) {
            out.add(view(engine, u));
        }
        out.sort((a, b) -> a.name.compareTo(b.name));
        return out;
    }

    public UserDTO create(UserDTO request, Actor by) {
        String name = RoleRules.name(request == null ? null : request.name);
        List<String> roles = RoleRules.roles(request.roles);
        access.policy().check(name, request.password);
        change(engine -> {
            if (engine.lookupUser(name) != null) {
                throw new Problem(ProblemKind.CONFLICT, "USER_EXISTS", "用户 " + name + " 已存在");
            }
            engine.addUser(name, request.password);
            apply(engine, name, roles);
            return null;
        });
        Instant now = access.clock().instant();
        access.credentials().passwordSet(name, request.password, by.name(), true, now, access.policy().history());
        access.events().record(now, AccessEvent.USER_CREATED, name, null, null, by.name(), "roles " + roles);
        access.changedByOthers(name);
        SecretFiles.ownerOnly(access.usersFile());
        LOG.info("User {} created by {} with roles {}", name, by, roles);
        BackingEngine fresh = engine();
        return view(fresh, fresh.lookupUser(name));
    }

    /** Replaces the user's OneWindow and department roles; nobody changes their own. */
    public UserDTO setRoles(String name, List<String> requested, Actor by) {
        List<String> roles = RoleRules.roles(requested);
        if (name.equals(by.name())) {
            throw new Problem(ProblemKind.CONFLICT, "CANNOT_CHANGE_OWN_ROLES", "不能修改自己的角色");
        }
        List<String> before = change(engine -> {
            List<String> was = managedRoles(engine, existing(engine, name));
            apply(engine, name, roles);
            return was;
        });
        access.events().record(access.clock().instant(), AccessEvent.ROLES_CHANGED, name, null, null, by.name(), before + " -> " + roles);
        access.changedByOthers(name);
        LOG.info("Roles of user {} set to {} by {}", name, roles, by);
        BackingEngine fresh = engine();
        return view(fresh, existing(fresh, name));
    }

    public void setPassword(String name, String password, Actor by) {
        existing(engine(), name);
        passwords.set(name, password, by.name());
        LOG.info("Password of user {} set by {}; the owner changes it at the next login", name, by);
    }

    /** Opens an account locked for some clients after repeated failed logins. */
    public void unlock(String name, Actor by) {
        existing(engine(), name);
        access.guard().unlock(name);
        access.events().record(access.clock().instant(), AccessEvent.UNLOCKED, name, null, null, by.name(), null);
        LOG.info("User {} unlocked by {}", name, by);
    }

    /** Removes the user's second factor (a lost phone); they enrol a new one at their next login. */
    public void resetSecondFactor(String name, Actor by) {
        existing(engine(), name);
        if (!access.secondFactors().reset(name)) {
            throw new Problem(ProblemKind.CONFLICT, "NO_SECOND_FACTOR", "用户 " + name + " 尚未启用双因素认证");
        }
        access.events().record(access.clock().instant(), AccessEvent.SECOND_FACTOR_RESET, name, null, null, by.name(), null);
        access.changedByOthers(name);
        LOG.info("Second factor of user {} reset by {}", name, by);
    }

    public void delete(String name, Actor by) {
        if (name.equals(by.name())) {
            throw new Problem(ProblemKind.CONFLICT, "CANNOT_DELETE_SELF", "不能删除当前登录的用户");
        }
        change(engine -> {
            existing(engine, name);
            engine.deleteUser(name);
            return null;
        });
        access.credentials().delete(name);
        access.secondFactors().reset(name);
        access.guard().unlock(name);
        access.events().record(access.clock().instant(), AccessEvent.USER_DELETED, name, null, null, by.name(), null);
        access.changedByOthers(name);
        LOG.info("User {} deleted by {}", name, by);
    }

    /** Gives the user exactly {@code roles} of those this page manages; others stay. */
    private static void apply(BackingEngine engine, String name, List<String> roles) {
        UserPrincipal user = engine.lookupUser(name);
        for (RolePrincipal r : engine.listRoles(user)) {
            if (RoleRules.managed(r.getName()) && !roles.contains(r.getName())) {
                engine.deleteRole(name, r.getName());
            }
        }
        Set<String> have = engine.listRoles(user).stream().map(RolePrincipal::getName).collect(Collectors.toSet());
        roles.stream().filter(r -> !have.contains(r)).forEach(r -> engine.addRole(name, r));
    }

    private static List<String> managedRoles(BackingEngine engine, UserPrincipal user) {
        return engine.listRoles(user).stream().map(RolePrincipal::getName).filter(RoleRules::managed).sorted().collect(Collectors.toList());
    }

    private static UserPrincipal existing(BackingEngine engine, String name) {
        UserPrincipal user = engine.lookupUser(name);
        if (user == null) {
            throw Problem.notFound("USER_NOT_FOUND", "没有用户 " + name);
        }
        return user;
    }

    private BackingEngine engine() {
        BackingEngine engine = access.store();
        if (engine == null) {
            throw unavailable();
        }
        return engine;
    }

    /** One change of the user store, written whole; a {@link Problem} thrown inside leaves the store as it was. */
    private <T> T change(java.util.function.Function<BackingEngine, T> change) {
        if (access.store() == null) {
            throw unavailable();
        }
        return access.changeStore(change);
    }

    private static Problem unavailable() {
        return new Problem(ProblemKind.UNAVAILABLE, "USER_STORE_UNAVAILABLE", "用户库暂不可用");
    }

    private UserDTO view(BackingEngine engine, UserPrincipal user) {
        Instant now = access.clock().instant();
        UserDTO dto = new UserDTO();
        dto.name = user.getName();
        Instant until = access.guard().lockedUntil(user.getName(), now);
        dto.lockedUntil = until == null ? null : until.toString();
        dto.roles = managedRoles(engine, user);
        Credentials.Account account = access.credentials().account(user.getName(), now);
        dto.passwordSetAt = account.passwordSetAt().toString();
        dto.mustChangePassword = account.mustChange();
        dto.secondFactor = access.secondFactors().state(user.getName()).enrolled();
        return dto;
    }

    /** A user as the users page shows and changes it; the password only goes in. */
    public static class UserDTO {
        public String name;
        public List<String> roles;
        public String password;
        /** While some client is locked out of the account after repeated failed logins: until when. */
        public String lockedUntil;
        public String passwordSetAt;
        /** The owner must change the password at the next login (set by an administrator). */
        public boolean mustChangePassword;
        /** Whether the account logs in with a second factor (TOTP). */
        public boolean secondFactor;
    }
}
