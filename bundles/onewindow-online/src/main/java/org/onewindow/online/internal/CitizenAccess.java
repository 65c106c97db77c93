package org.onewindow.online.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.onewindow.citizen.IdNumbers;
import org.onewindow.citizen.IdType;
import org.onewindow.online.Citizen;
import org.onewindow.problem.Problem;
import org.onewindow.problem.ProblemKind;
import org.onewindow.rest.SessionStore;
import org.onewindow.security.Actor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Citizens' sign-in: an ID number and a one-time code sent to the mobile bound to it. The first
 * sign-in binds the mobile it reached; a later one must use the same mobile, which only a clerk
 * changes, with the citizen and their ID card at the window. A signed-in citizen has a session
 * (HttpOnly cookie, CSRF token for every change), as staff have in the console.
 */
@Component(service = CitizenAccess.class, configurationPid = OnlineConfig.PID)
public class CitizenAccess {
    static final String COOKIE = "OW_CITIZEN";
    static final String CSRF_HEADER = "X-CSRF-Token";
    private static final Logger LOG = LoggerFactory.getLogger(CitizenAccess.class);

    @Reference
    OnlineDatabase db;

    @Reference
    Notices notices;

    private volatile SignInCodes codes;
    private volatile SessionStore<Citizen> sessions;
    private volatile Duration ttl;

    @Activate
    @Modified
    void configure(OnlineConfig config) {
        ttl = Duration.ofSeconds(config.codeTtlSeconds());
        codes = new SignInCodes(new SignInCodes.Limits(ttl, config.codeAttempts(),
                Duration.ofSeconds(config.codeIntervalSeconds()), config.codesPerIdPerHour(), config.codesPerClientPerHour()));
        if (sessions == null || !sessions.idle().equals(Duration.ofMinutes(config.sessionIdleMinutes()))) {
            sessions = new SessionStore<>(Duration.ofMinutes(config.sessionIdleMinutes()));
        }
    }

    /** Sends a sign-in code to {@code mobile}, which must be the one bound to the ID number if one is. */
    void sendCode(String idNumber, String mobile, String client) {
        String id = checkId(idNumber);
        String m = Mobiles.check(mobile);
        Optional<String> bound = boundMobile(id);
        if (bound.isPresent() && !bound.get().equals(m)) {
            LOG.warn("Sign-in code for {} asked to another mobile {} from {}", IdNumbers.mask(id), Mobiles.mask(m), client);
            throw new Problem(ProblemKind.CONFLICT, "MOBILE_MISMATCH",
                    "手机号与该证件号码登记的手机号不一致；如已更换手机号，请本人持身份证到综合窗口变更");
        }
        Instant now = Instant.now();
        codes.sweep(now);
        String code = codes.issue(id, m, client, now);
        notices.code(id, m, "【区行政服务中心】您的网上办事登录验证码为 " + code + "，" + ttl.toMinutes()
                + " 分钟内有效。工作人员不会向您索取验证码，请勿告诉他人。");
        LOG.info("Sign-in code sent for {} to {}", IdNumbers.mask(id), Mobiles.mask(m));
    }

    /** Checks the code, binds the mobile at the first sign-in, and opens a session. */
    SessionStore.Session<Citizen> signIn(String idNumber, String code) {
        String id = checkId(idNumber);
        Instant now = Instant.now();
        String mobile = codes.verify(id, code, now);
        db.tx(em -> {
            CitizenEntity c = em.find(CitizenEntity.class, id);
            if (c == null) {
                em.persist(CitizenEntity.of(id, mobile, "sign-in"));
            } else if (!c.mobile.equals(mobile)) {
                // rebound at a window between the code and its entry
                throw new Problem(ProblemKind.CONFLICT, "MOBILE_MISMATCH", "该证件号码登记的手机号已变更，请重新获取验证码");
            }
            return null;
        });
        sessions.sweep(now);
        LOG.info("Citizen {} signed in", IdNumbers.mask(id));
        return sessions.open(new Citizen(id, mobile), now);
    }

    /** The signed-in citizen of a request; a change must carry the session's CSRF token. */
    Citizen require(String sessionId, String csrf, boolean change) {
        SessionStore.Session<Citizen> s = sessions.find(sessionId, Instant.now())
                .orElseThrow(() -> new Problem(ProblemKind.UNAUTHORIZED, "SIGN_IN_REQUIRED", "请先登录（证件号码和短信验证码）"));
        if (change && !s.csrfMatches(csrf)) {
            throw new Problem(ProblemKind.FORBIDDEN, "CSRF_REJECTED", "请求缺少有效的防伪令牌（X-CSRF-Token），请刷新页面后重试");
        }
        return s.user();
    }

    Optional<SessionStore.Session<Citizen>> session(String sessionId) {
        return sessions.find(sessionId, Instant.now());
    }

    void signOut(String sessionId) {
        sessions.close(sessionId);
    }

    /** The mobile bound to an ID number, for notices about their cases. */
    Optional<String> boundMobile(String idNumber) {
        return Optional.ofNullable(db.tx(em -> {
            CitizenEntity c = em.find(CitizenEntity.class, idNumber);
            return c == null ? null : c.mobile;
        }));
    }

    /** A clerk binds another mobile to an ID number, having seen the citizen and their ID card. */
    Map<String, String> rebind(String idNumber, String mobile, Actor actor) {
        actor.requireAny(Set.of(Actor.CLERK));
        String id = checkId(idNumber);
        String m = Mobiles.check(mobile);
        db.tx(em -> {
            CitizenEntity c = em.find(CitizenEntity.class, id);
            if (c == null) {
                em.persist(CitizenEntity.of(id, m, actor.name()));
            } else {
                c.mobile = m;
                c.boundAt = new Date();
                c.boundBy = actor.name();
            }
            return null;
        });
        LOG.info("Mobile of {} bound to {} by {}", IdNumbers.mask(id), Mobiles.mask(m), actor);
        return Map.of("idNumber", IdNumbers.mask(id), "mobile", Mobiles.mask(m));
    }

    private static String checkId(String idNumber) {
        return IdNumbers.check(IdType.RESIDENT_ID, idNumber);
    }
}
