package org.onewindow.access.internal.login;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import org.apache.karaf.jaas.config.JaasRealm;
import org.apache.karaf.jaas.modules.BackingEngine;
import org.apache.karaf.jaas.modules.BackingEngineFactory;
import org.onewindow.access.LoginAttempt;
import org.onewindow.access.LoginOutcome;
import org.onewindow.access.LoginOutcome.Reason;
import org.onewindow.access.Requirement;
import org.onewindow.access.StaffLogins;
import org.onewindow.access.internal.AccessConfig;
import org.onewindow.access.internal.AccessDatabase;
import org.onewindow.access.internal.events.AccessEvent;
import org.onewindow.access.internal.events.AccessEvents;
import org.onewindow.access.internal.password.Credentials;
import org.onewindow.access.internal.password.PasswordPolicy;
import org.onewindow.access.internal.secondfactor.SecondFactors;
import org.onewindow.access.internal.users.UserStores;
import org.onewindow.audit.AuditTrail;
import org.onewindow.node.NodeService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one check of a staff login: the client's wait, the pair's lock, the password against the JAAS
 * realm (an old SHA-512 hash upgraded on the way), the second factor, and what the account must still
 * do. Everything else about staff access (the shell's realm, users and roles, the account pages)
 * works through this component's guard, store and records.
 */
@Component(service = {StaffLogins.class, JaasStaffLogins.class}, configurationPid = AccessConfig.PID)
@Designate(ocd = AccessConfig.class)
public class JaasStaffLogins implements StaffLogins {
    private static final Logger LOG = LoggerFactory.getLogger(JaasStaffLogins.class);

    @Reference
    AccessDatabase database;

    @Reference
    AuditTrail trail;

    /**
     * Dynamic: the node's identity is re-registered whenever etc/org.onewindow.node.cfg changes, and every
     * login of the appliance must not go down with it (the REST publisher depends on this component).
     * While it is away the node counts as production: nothing is relaxed.
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile NodeService node;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    final List<JaasRealm> realms = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    final List<BackingEngineFactory> engines = new CopyOnWriteArrayList<>();

    private final Clock clock = Clock.systemUTC();
    private final Map<String, Set<Requirement>> requirements = new ConcurrentHashMap<>();
    private final Map<String, Instant> changedByOthers = new ConcurrentHashMap<>();
    private volatile AccessConfig config;
    private volatile LoginGuard guard;
    private volatile VerifiedLogins verified;
    private volatile RealmPasswords passwords;
    private volatile Credentials credentials;
    private volatile SecondFactors secondFactors;
    private volatile AccessEvents events;
    private volatile PasswordPolicy policy;

    /**
     * A changed configuration takes effect in place (lock-outs and remembered logins start afresh): a
     * restart of this component would take the whole REST API down and up again.
     */
    @Activate
    @Modified
    void configure(AccessConfig config) {
        this.config = config;
        guard = new LoginGuard(new LoginGuard.Limits(config.maxFailedLogins(), Duration.ofMinutes(config.lockMinutes()),
                config.accountAlarmFailures(), config.clientFreeFailures(), Duration.ofSeconds(config.clientMaxDelaySeconds())));
        verified = new VerifiedLogins(Duration.ofSeconds(config.verifiedLoginSeconds()));
        passwords = new RealmPasswords(config.realm(), this::usersFile, this::changeStore);
        credentials = new Credentials(database.dataSource());
        secondFactors = new SecondFactors(database.dataSource());
        events = new AccessEvents(trail);
        policy = new PasswordPolicy(config.passwordMinLength(), config.passwordMinClasses(), config.passwordHistory(),
                Duration.ofDays(config.passwordMaxAgeDays()));
    }

    @Override
    public LoginOutcome login(LoginAttempt attempt) {
        char[] password = attempt.password();
        try {
            return check(attempt.user() == null ? "" : attempt.user().strip(), password, attempt.secondFactor(), attempt.client(),
                    attempt.channel());
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private LoginOutcome check(String user, char[] password, String code, String client, LoginAttempt.Channel channel) {
        Instant now = clock.instant();
        Duration wait = guard.throttled(client, now);
        if (wait != null) {
            return new LoginOutcome.Refused(Reason.CLIENT_THROTTLED, wait);
        }
        if (channel == LoginAttempt.Channel.BASIC) {
            LoginOutcome.Granted known = verified.find(user, password, code, now);
            if (known != null) {
                return known;
            }
        }
        if (user.isEmpty() || guard.locked(user, client, now)) {
            RealmPasswords.dummyWork(password);
            if (!user.isEmpty()) {
                guard.failed(user, client, now);
                events.record(now, AccessEvent.LOGIN_REFUSED_LOCKED, user, client, channel.name(), null, null);
            }
            return new LoginOutcome.Refused(Reason.BAD_CREDENTIALS, null);
        }
        var checked = passwords.check(user, password);
        if (checked.isEmpty()) {
            failed(user, client, channel, AccessEvent.LOGIN_FAILED, now);
            return new LoginOutcome.Refused(Reason.BAD_CREDENTIALS, null);
        }
        if (checked.get().rehashed()) {
            events.record(now, AccessEvent.PASSWORD_REHASHED, user, client, channel.name(), null, "SHA-512 -> bcrypt");
            LOG.info("The old unsalted hash of user {} was replaced by a salted bcrypt hash", user);
        }
        Instant codeValidUntil = null;
        if (secondFactors.state(user).enrolled()) {
            if (code == null || code.isBlank()) {
                return new LoginOutcome.Refused(Reason.SECOND_FACTOR_REQUIRED, null);
            }
            var v = secondFactors.verify(user, code, channel != LoginAttempt.Channel.BASIC, now);
            if (!v.ok()) {
                failed(user, client, channel, AccessEvent.SECOND_FACTOR_FAILED, now);
                return new LoginOutcome.Refused(Reason.SECOND_FACTOR_INVALID, null);
            }
            if (v.recovery()) {
                events.record(now, AccessEvent.RECOVERY_CODE_USED, user, client, channel.name(), null, null);
            }
            codeValidUntil = v.recovery() ? now : v.validUntil();
        }
        guard.succeeded(user, client);
        Set<String> roles = checked.get().roles();
        Set<Requirement> needs = compute(user, roles, now);
        requirements.put(user, needs);
        events.record(now, AccessEvent.LOGIN, user, client, channel.name(), null, null);
        LoginOutcome.Granted granted = new LoginOutcome.Granted(user, roles, needs);
        if (channel == LoginAttempt.Channel.BASIC && needs.isEmpty()) {
            verified.remember(user, password, code, granted, now, codeValidUntil);
        }
        return granted;
    }

    /** Counts a failure of a known user (or of the client alone, for a name nobody has) and records it. */
    private void failed(String user, String client, LoginAttempt.Channel channel, AccessEvent event, Instant now) {
        boolean known = passwords.exists(user);
        LoginGuard.Failure f = guard.failed(known ? user : null, client, now);
        events.record(now, event, known ? user : null, client, channel.name(), null, known ? null : "unknown user");
        LOG.warn("{} for {} from {} ({})", event, known ? "user " + user : "an unknown user", client, channel);
        if (f.pairLocked()) {
            events.record(now, AccessEvent.LOGIN_LOCKED, user, client, channel.name(), null, "for " + config.lockMinutes() + " min");
            LOG.warn("User {} locked for client {} after {} failed logins", user, client, config.maxFailedLogins());
        }
        if (f.accountAlarmed()) {
            events.record(now, AccessEvent.ACCOUNT_UNDER_ATTACK, user, client, channel.name(), null,
                    config.accountAlarmFailures() + " failures within " + config.lockMinutes() + " min");
            LOG.warn("User {} is under attack: {} failed logins within {} min; every client that failed on it is locked out of it",
                    user, config.accountAlarmFailures(), config.lockMinutes());
        }
        if (f.clientThrottled()) {
            events.record(now, AccessEvent.CLIENT_THROTTLED, null, client, channel.name(), null, config.clientFreeFailures() + " failures");
        }
    }

    @Override
    public Instant changedAt(String user) {
        return user == null ? null : changedByOthers.get(user);
    }

    @Override
    public Set<Requirement> requirements(String user) {
        Set<Requirement> known = requirements.get(user);
        if (known != null) {
            return known;
        }
        Set<String> roles = roles(user);
        if (roles == null) {
            return Set.of();
        }
        Set<Requirement> needs = compute(user, roles, clock.instant());
        requirements.put(user, needs);
        return needs;
    }

    /** The user's roles in the realm's store (groups' included), or {@code null} for no such user. */
    public Set<String> roles(String user) {
        BackingEngine engine = store();
        var principal = engine == null ? null : engine.lookupUser(user);
        if (principal == null) {
            return null;
        }
        Set<String> roles = new HashSet<>();
        engine.listRoles(principal).forEach(r -> roles.add(r.getName()));
        return roles;
    }

    private Set<Requirement> compute(String user, Set<String> roles, Instant now) {
        Set<Requirement> needs = EnumSet.noneOf(Requirement.class);
        Credentials.Account account = credentials.account(user, now);
        if (account.mustChange() || (!demo() && policy.expired(account.passwordSetAt(), now))) {
            needs.add(Requirement.CHANGE_PASSWORD);
        }
        if (secondFactorEnforced() && needsSecondFactor(roles) && !secondFactors.state(user).enrolled()) {
            needs.add(Requirement.ENROL_SECOND_FACTOR);
        }
        return Set.copyOf(needs);
    }

    /** Whether holders of any of {@code roles} log in with a second factor (whether or not it is enforced). */
    public boolean needsSecondFactor(Set<String> roles) {
        return Arrays.stream(config.secondFactorRoles().split(",")).map(String::strip).anyMatch(roles::contains);
    }

    /** Whether the second factor is required of those roles: in production; demo mode only offers it. */
    public boolean secondFactorEnforced() {
        return config.requireSecondFactor() && !demo();
    }

    public boolean demo() {
        NodeService n = node;
        return n != null && n.info().demo;
    }

    /** The user changed their own account: what it requires is worked out again at once, their sessions stand. */
    public void ownChange(String user) {
        requirements.remove(user);
        verified.forget(user);
    }

    /** Someone else changed the account: its sessions end, its remembered logins are forgotten. */
    public void changedByOthers(String user) {
        changedByOthers.put(user, clock.instant());
        requirements.remove(user);
        verified.forget(user);
    }

    /** The realm's user store, read afresh, to read; {@code null} while the realm is not there. */
    public BackingEngine store() {
        return UserStores.of(config.realm(), realms, engines);
    }

    /** Changes the realm's user store as one whole write of its file; {@code null} while the realm is not there. */
    public <T> T changeStore(Function<BackingEngine, T> change) {
        return UserStores.change(config.realm(), realms, engines, change);
    }

    /** The realm's users file ({@code etc/users.properties}), or {@code null} while the realm is not there. */
    public String usersFile() {
        return UserStores.usersFile(config.realm(), realms, engines);
    }

    public RealmPasswords passwords() {
        return passwords;
    }

    public LoginGuard guard() {
        return guard;
    }

    public AccessEvents events() {
        return events;
    }

    public Credentials credentials() {
        return credentials;
    }

    public SecondFactors secondFactors() {
        return secondFactors;
    }

    public PasswordPolicy policy() {
        return policy;
    }

    public AccessConfig config() {
        return config;
    }

    /** How authenticator apps name this appliance: OneWindow and the district's name. */
    public String issuer() {
        NodeService n = node;
        if (n == null) {
            return "OneWindow";
        }
        var info = n.info();
        return "OneWindow " + (info.districtName == null || info.districtName.isBlank() ? info.districtCode : info.districtName);
    }

    public Clock clock() {
        return clock;
    }
}
