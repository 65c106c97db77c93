package org.onewindow.online.internal.notices;

import java.time.Instant;

import org.onewindow.citizen.IdNumbers;
import org.onewindow.online.NoticeDTO;
import org.onewindow.online.NoticeKind;
import org.onewindow.online.Notifier;
import org.onewindow.online.internal.common.OnlineConfig;
import org.onewindow.problem.Problem;
import org.onewindow.problem.ProblemKind;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells citizens through the configured {@link Notifier} ({@code notifier.target}). A sign-in code
 * that cannot be sent is a failure of the request; any other notice is only logged when it fails,
 * after its change has been committed.
 */
@Component(service = Notices.class, configurationPid = OnlineConfig.PID)
public class Notices {
    private static final Logger LOG = LoggerFactory.getLogger(Notices.class);

    /** The notifier named by {@code notifier.target}, while it runs. */
    @Reference(name = "notifier", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile Notifier notifier;

    /** Sends a sign-in code; {@code NOTIFIER_UNAVAILABLE} (503) if the channel refuses it. */
    public void code(String idNumber, String mobile, String text) {
        Notifier channel = notifier;
        try {
            if (channel == null) {
                throw new IllegalStateException("no notifier matches notifier.target");
            }
            channel.send(notice(NoticeKind.SIGN_IN_CODE, idNumber, mobile, null, text));
        } catch (RuntimeException e) {
            LOG.error("Sign-in code for {} could not be sent: {}", IdNumbers.mask(idNumber), e.toString());
            throw new Problem(ProblemKind.UNAVAILABLE, "NOTIFIER_UNAVAILABLE", "短信通道暂不可用，请稍后再试或到综合窗口办理");
        }
    }

    /** Tells the citizen of a change already made; a failure is logged, the change stands. */
    public void tell(NoticeKind kind, String idNumber, String mobile, String reference, String text) {
        if (mobile == null) {
            LOG.warn("No mobile on record for {}: {} about {} not sent", IdNumbers.mask(idNumber), kind, reference);
            return;
        }
        Notifier channel = notifier;
        if (channel == null) {
            LOG.warn("No notifier running: {} about {} to {} not sent", kind, reference, IdNumbers.mask(idNumber));
            return;
        }
        try {
            channel.send(notice(kind, idNumber, mobile, reference, text));
        } catch (RuntimeException e) {
            LOG.warn("{} about {} to {} not sent: {}", kind, reference, IdNumbers.mask(idNumber), e.toString());
        }
    }

    private static NoticeDTO notice(NoticeKind kind, String idNumber, String mobile, String reference, String text) {
        NoticeDTO n = new NoticeDTO();
        n.kind = kind;
        n.idNumber = idNumber;
        n.mobile = mobile;
        n.reference = reference;
        n.text = text;
        n.sentAt = Instant.now().toString();
        return n;
    }
}
