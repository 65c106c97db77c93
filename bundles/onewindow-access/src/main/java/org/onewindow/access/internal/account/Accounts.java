package org.onewindow.access.internal.account;

import java.time.Instant;
import java.util.List;

import org.onewindow.access.internal.events.AccessEvent;
import org.onewindow.access.internal.events.AccessEventDTO;
import org.onewindow.access.internal.login.JaasStaffLogins;
import org.onewindow.access.internal.password.Credentials;
import org.onewindow.access.internal.password.PasswordChanges;
import org.onewindow.access.internal.secondfactor.QrCodes;
import org.onewindow.access.internal.secondfactor.SecondFactors;
import org.onewindow.problem.Problem;
import org.onewindow.problem.ProblemKind;

/** A user's own account: what the account page shows, and the changes its owner makes. */
public final class Accounts {
    private static final List<AccessEvent> LOGINS = List.of(AccessEvent.LOGIN, AccessEvent.LOGIN_FAILED, AccessEvent.LOGIN_LOCKED,
            AccessEvent.SECOND_FACTOR_FAILED, AccessEvent.RECOVERY_CODE_USED);
    private final JaasStaffLogins access;
    private final PasswordChanges passwords;

    public Accounts(JaasStaffLogins access) {
        this.access = access;
        this.passwords = new PasswordChanges(access);
    }

    /** The account page. */
    public record AccountDTO(String user, List<String> requirements, String passwordSetAt, String passwordExpiresAt, boolean mustChangePassword,
            SecondFactorDTO secondFactor, PolicyDTO passwordPolicy, List<AccessEventDTO> recentLogins) {
    }

    /**
     * The account's second factor: whether it has one, whether its roles must (in production; {@code offeredOnly}
     * in demo mode, where it may be enrolled but is not required), and the recovery codes left.
     */
    public record SecondFactorDTO(boolean enrolled, boolean required, boolean offeredOnly, int recoveryCodesLeft) {
    }

    public record PolicyDTO(int minLength, int minClasses, int history, long maxAgeDays) {
    }

    /** A secret waiting for its first code: type {@code secret} in, or scan the QR code of {@code uri}. */
    public record EnrolmentDTO(String secret, String uri, String qr) {
    }

    AccountDTO view(String user) {
        Instant now = access.clock().instant();
        Credentials.Account account = access.credentials().account(user, now);
        SecondFactors.State sf = access.secondFactors().state(user);
        var roles = access.roles(user);
        boolean roleNeeds = roles != null && access.needsSecondFactor(roles);
        var policy = access.policy();
        return new AccountDTO(user, access.requirements(user).stream().map(Enum::name).sorted().toList(), account.passwordSetAt().toString(),
                access.demo() || policy.expiresAt(account.passwordSetAt()) == null ? null : policy.expiresAt(account.passwordSetAt()).toString(),
                account.mustChange(), new SecondFactorDTO(sf.enrolled(), roleNeeds && access.secondFactorEnforced(),
                        roleNeeds && !access.secondFactorEnforced(), sf.recoveryCodesLeft()),
                new PolicyDTO(policy.minLength(), policy.minClasses(), policy.history(), policy.maxAge().toDays()),
                access.events().list(user, LOGINS, null, null, 10));
    }

    void changePassword(String user, char[] current, String next, String client) {
        passwords.own(user, current, next, client);
    }

    EnrolmentDTO startEnrolment(String user) {
        SecondFactors.Enrolment e = access.secondFactors().start(user, access.issuer(), access.clock().instant());
        return new EnrolmentDTO(e.secret(), e.uri(), "/api/v1/account/second-factor/qr");
    }

    String qr(String user) {
        return QrCodes.svg(access.secondFactors().pendingUri(user, access.issuer()));
    }

    List<String> confirmEnrolment(String user, String code) {
        Instant now = access.clock().instant();
        List<String> codes = access.secondFactors().confirm(user, code == null ? null : code.strip(), now);
        access.events().record(now, AccessEvent.SECOND_FACTOR_ENROLLED, user, null, null, user, null);
        access.ownChange(user);
        return codes;
    }

    List<String> renewRecoveryCodes(String user, String code) {
        Instant now = access.clock().instant();
        if (code == null || !code.strip().matches("\\d{6}") || !access.secondFactors().verify(user, code.strip(), true, now).ok()) {
            throw new Problem(ProblemKind.FORBIDDEN, "SECOND_FACTOR_INVALID", "请输入身份验证器上当前的 6 位动态码");
        }
        List<String> codes = access.secondFactors().renewRecoveryCodes(user, now);
        access.events().record(now, AccessEvent.RECOVERY_CODES_RENEWED, user, null, null, user, null);
        return codes;
    }
}
