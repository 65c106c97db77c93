package org.onewindow.online.internal.identity;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.onewindow.audit.AuditEvent;
import org.onewindow.citizen.IdNumbers;
import org.onewindow.citizen.IdType;
import org.onewindow.db.jpa.InstantColumns;
import org.onewindow.intake.ApplicantContacts;
import org.onewindow.online.Citizen;
import org.onewindow.online.CitizenSessions;
import org.onewindow.online.RealNameResult;
import org.onewindow.online.RealNameVerifier;
import org.onewindow.online.internal.common.Mobiles;
import org.onewindow.online.internal.common.OnlineConfig;
import org.onewindow.online.internal.common.OnlineDatabase;
import org.onewindow.online.internal.notices.Notices;
import org.onewindow.problem.Problem;
import org.onewindow.problem.ProblemDetail;
import org.onewindow.problem.ProblemKind;
import org.onewindow.rest.SessionStore;
import org.onewindow.security.Actor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Citizens' sign-in: an ID number and a one-time code sent only to a mobile verified as the citizen's.
 * That is the mobile bound to the ID number, which only a verified path binds (a clerk who checked the
 * ID card, at a window or at an appointment's check-in; the real-name verification service); without one,
 * the mobile on the citizen's own case taken in at a window, which the sign-in then binds. An ID number
 * with no verified mobile gets no code at all ({@code MOBILE_NOT_VERIFIED}, saying how to bind one): nobody
 * binds a mobile by claiming it. A signed-in citizen has a session (HttpOnly cookie, CSRF token for every
 * change), as staff have in the console; a change of the binding ends the sessions opened before it.
 */
@Component(service = {CitizenAccess.class, CitizenSessions.class}, configurationPid = OnlineConfig.PID)
public class CitizenAccess implements CitizenSessions {
    /** A citizen's sign-in, in the audit trail. */
    static final String SIGNED_IN = "CITIZEN_SIGN_IN";
    /** The actor of what a citizen does themself, in the audit trail (the citizen concerned is named apart, masked and keyed). */
    static final String CITIZEN = "citizen";
    private static final Logger LOG = LoggerFactory.getLogger(CitizenAccess.class);
    /** The online channel asking intake whether a clerk noted a citizen's mobile at a window: it reads contacts, no case. */
    private static final Actor LOOKUP = new Actor("online:sign-in", Set.of(Actor.CLERK));
    private static final int CONTACTS = 20;
    private static final int MAX_NAME = 64;

    @Reference
    OnlineDatabase db;

    @Reference
    Notices notices;

    @Reference
    ApplicantContacts contacts;

    /** The real-name verification service named by {@code realName.target}, while it runs. */
    @Reference(name = "realName", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile RealNameVerifier realName;

    /**
     * When each ID number's binding last changed: sessions opened before are over. In memory, as the
     * sessions are (a restart ends them all); it only grows by binding changes, so it is not swept.
     */
    private final Map<String, Instant> changedAt = new ConcurrentHashMap<>();
    private volatile SignInCodes codes;
    private volatile SessionStore<SignedIn> sessions;
    private volatile Duration ttl;
    private volatile int windowCaseMonths;

    /** A session's citizen and when they signed in. */
    public record SignedIn(Citizen citizen, Instant at) {
    }

    @Activate
    @Modified
    void configure(OnlineConfig config) {
        ttl = Duration.ofSeconds(config.codeTtlSeconds());
        codes = new SignInCodes(new SignInCodes.Limits(ttl, config.codeAttempts(),
                Duration.ofSeconds(config.codeIntervalSeconds()), config.codesPerIdPerHour(), config.codesPerClientPerHour()));
        windowCaseMonths = config.windowCaseMonths();
        if (sessions == null || !sessions.idle().equals(Duration.ofMinutes(config.sessionIdleMinutes()))) {
            sessions = new SessionStore<>(Duration.ofMinutes(config.sessionIdleMinutes()));
        }
    }

    /** Whether citizens may bind a mobile by real-name verification here: the service is configured and running. */
    public boolean realNameOffered() {
        RealNameVerifier service = realName;
        return service != null && service.available();
    }

    /**
     * Sends a sign-in code to the verified mobile of the ID number and answers where it went. A mobile
     * typed by the citizen ({@code typed}, optional) must be that one ({@code MOBILE_MISMATCH}).
     */
    public Contact sendCode(String idNumber, String typed, String client) {
        String id = checkId(idNumber);
        String m = typed == null || typed.isBlank() ? null : Mobiles.check(typed);
        Instant now = Instant.now();
        codes.sweep(now);
        codes.ask(client, now);
        Contact to = verifiedContact(id, now).orElseThrow(() -> {
            LOG.info("No sign-in code for {}: no verified mobile", IdNumbers.mask(id));
            return notVerified();
        });
        if (m != null && !m.equals(to.mobile())) {
            LOG.warn("Sign-in code for {} asked to another mobile {} than the verified one", IdNumbers.mask(id), Mobiles.mask(m));
            throw new Problem(ProblemKind.CONFLICT, "MOBILE_MISMATCH", "手机号与该证件号码绑定的手机号不一致；如已更换手机号，请本人持身份证到综合窗口变更"
                    + (realNameOffered() ? "，或通过实名核验绑定新手机号" : ""));
        }
        send(id, to, now);
        return to;
    }

    /**
     * Asks the real-name verification service whether {@code mobile} is registered in the name of the
     * ID number and name; if so, sends a sign-in code there, and the sign-in binds it.
     */
    public Contact verifyRealName(String idNumber, String name, String mobile, String client) {
        RealNameVerifier service = realName;
        if (service == null || !service.available()) {
            throw new Problem(ProblemKind.NOT_FOUND, "REAL_NAME_NOT_OFFERED", "本厅未开通实名核验绑定手机号，请本人携带身份证到综合窗口绑定");
        }
        String id = checkId(idNumber);
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > MAX_NAME || n.chars().anyMatch(Character::isISOControl)) {
            throw Problem.badRequest("INVALID_NAME", "姓名必填，与身份证一致，最多 " + MAX_NAME + " 字");
        }
        String m = Mobiles.check(mobile);
        Instant now = Instant.now();
        codes.sweep(now);
        codes.ask(client, now);
        codes.verification(id, now);
        // no verification is asked for (nor paid) when its code could not be sent anyway
        codes.checkSend(id, now);
        RealNameResult r = service.verify(id, n, m);
        if (!r.verified) {
            LOG.info("Real-name verification of {} with {} refused by the service", IdNumbers.mask(id), Mobiles.mask(m));
            throw new Problem(ProblemKind.CONFLICT, "REAL_NAME_MISMATCH", "姓名、证件号码与该手机号的实名登记信息不一致，请核对后重试；"
                    + "也可本人携带身份证到综合窗口绑定手机号");
        }
        Contact to = new Contact(m, BindingPath.REAL_NAME, r.reference, "real-name service", false);
        send(id, to, now);
        return to;
    }

    /**
     * Checks the code; a code sent to a mobile not yet bound (a window case's, a real-name verified one)
     * binds it now, in the transaction that records the sign-in. Opens a session.
     */
    public SessionStore.Session<SignedIn> signIn(String idNumber, String code, String channel, String client) {
        String id = checkId(idNumber);
        String via = SignInChannels.of(channel);
        Instant now = Instant.now();
        Contact c = codes.verify(id, code, now);
        Instant at = InstantColumns.kept(now);
        boolean changed = db.tx(em -> {
            Optional<String> bound = Bindings.find(em, id).map(b -> b.mobile);
            boolean change;
            if (c.bound()) {
                if (bound.isEmpty()) {
                    // revoked between the code and its entry
                    throw notVerified();
                }
                change = false;
            } else {
                // a window case's mobile binds where nothing is bound; a real-name verification just made binds in place of another
                change = c.path() == BindingPath.REAL_NAME || bound.isEmpty();
            }
            if (bound.isPresent() && !change && !bound.get().equals(c.mobile())) {
                // rebound at a window between the code and its entry
                throw new Problem(ProblemKind.CONFLICT, "MOBILE_MISMATCH", "该证件号码绑定的手机号已变更，请重新获取验证码");
            }
            // the citizen's own act, from an address kept as the sign-in record keeps it
            Actor citizen = new Actor(CITIZEN, Set.of(), Set.of(), ClientAddresses.mask(client));
            if (change) {
                Bindings.bind(em, db.trail(), citizen, id, c, at);
            }
            em.persist(SignInEntity.of(id, at, via, ClientAddresses.mask(client)));
            db.trail().append(em.unwrap(Connection.class), AuditEvent.of(SIGNED_IN, citizen).channel(via).on("CITIZEN", null).citizen(id));
            return change;
        });
        if (changed) {
            LOG.info("Mobile {} bound to {} at sign-in ({} {})", Mobiles.mask(c.mobile()), IdNumbers.mask(id), c.path(), c.reference());
            ended(id, now);
        }
        Instant opened = Instant.now();
        sessions.sweep(opened);
        LOG.info("Citizen {} signed in ({}, {})", IdNumbers.mask(id), via, ClientAddresses.mask(client));
        return sessions.open(new SignedIn(new Citizen(id, c.mobile()), opened), opened);
    }

    /** The signed-in citizen of a request; a change must carry the session's CSRF token. */
    @Override
    public Citizen require(String sessionId, String csrf, boolean change) {
        SessionStore.Session<SignedIn> s = session(sessionId)
                .orElseThrow(() -> new Problem(ProblemKind.UNAUTHORIZED, "SIGN_IN_REQUIRED", "请先登录（证件号码和短信验证码）"));
        if (change && !s.csrfMatches(csrf)) {
            throw new Problem(ProblemKind.FORBIDDEN, "CSRF_REJECTED", "请求缺少有效的防伪令牌（X-CSRF-Token），请刷新页面后重试");
        }
        return s.user().citizen();
    }

    /** The session of a cookie, unless it is idle too long or its citizen's binding changed since it was opened. */
    public Optional<SessionStore.Session<SignedIn>> session(String sessionId) {
        Optional<SessionStore.Session<SignedIn>> s = sessions.find(sessionId, Instant.now());
        if (s.isPresent()) {
            Instant changed = changedAt.get(s.get().user().citizen().idNumber());
            if (changed != null && !s.get().user().at().isAfter(changed)) {
                sessions.close(sessionId);
                return Optional.empty();
            }
        }
        return s;
    }

    public void signOut(String sessionId) {
        sessions.close(sessionId);
    }

    /** The ID number's binding changed or ended at {@code at}: its sessions opened before are over. */
    void ended(String idNumber, Instant at) {
        changedAt.merge(idNumber, at, (a, b) -> a.isAfter(b) ? a : b);
    }

    /** The mobile a sign-in code may go to: the bound one, else one the citizen's own window case vouches for. */
    private Optional<Contact> verifiedContact(String id, Instant now) {
        record Known(Optional<Contact> bound, Optional<Instant> revoked) {
        }
        Known known = db.tx(em -> {
            Optional<Contact> bound = Bindings.find(em, id).map(b -> new Contact(b.mobile, b.via, b.reference, b.boundBy, true));
            return new Known(bound, bound.isPresent() ? Optional.empty() : Bindings.lastRevoked(em, id));
        });
        if (known.bound().isPresent()) {
            return known.bound();
        }
        Instant recent = now.atOffset(ZoneOffset.UTC).minusMonths(windowCaseMonths).toInstant();
        Instant notBefore = known.revoked().filter(r -> r.isAfter(recent)).orElse(recent);
        return WindowContacts.pick(contacts.of(id, CONTACTS, LOOKUP), notBefore);
    }

    private void send(String id, Contact to, Instant now) {
        String code = codes.issue(id, to, now);
        notices.code(id, to.mobile(), "【区行政服务中心】您的网上办事登录验证码为 " + code + "，" + ttl.toMinutes()
                + " 分钟内有效。工作人员不会向您索取验证码，请勿告诉他人。");
        LOG.info("Sign-in code sent for {} to {} ({}{})", IdNumbers.mask(id), Mobiles.mask(to.mobile()), to.bound() ? "bound, " : "", to.path());
    }

    /** No verified mobile: no code, and how to get one bound. */
    private Problem notVerified() {
        boolean realNameToo = realNameOffered();
        List<ProblemDetail> ways = new ArrayList<>();
        ways.add(new ProblemDetail("WINDOW", null, "本人携带居民身份证到综合窗口绑定手机号；在窗口办理业务时登记的本人手机号也可直接用于登录"));
        if (realNameToo) {
            ways.add(new ProblemDetail("REAL_NAME", null, "实名核验：填写姓名和以本人身份证实名登记的手机号，核验通过即绑定"));
        }
        return new Problem(ProblemKind.CONFLICT, "MOBILE_NOT_VERIFIED", "该证件号码尚未绑定经过核验的手机号，无法发送验证码。请本人携带身份证到综合窗口绑定"
                + (realNameToo ? "，或通过实名核验绑定手机号" : "") + "。", ways);
    }

    static String checkId(String idNumber) {
        return IdNumbers.check(IdType.RESIDENT_ID, idNumber);
    }
}
