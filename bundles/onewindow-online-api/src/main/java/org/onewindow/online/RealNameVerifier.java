package org.onewindow.online;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A real-name verification service (实名核验): a provincial unified identity platform, or a mobile
 * operator's three-element check, answers whether a mobile number is registered in the real name of
 * the person with an ID number and name. A mobile so verified may be bound to the ID number for
 * online sign-in. The appliance ships one speaking a signed HTTP protocol ({@code channel=http},
 * configured in {@code etc/org.onewindow.online.realname.cfg}; the real-name simulator speaks it);
 * another service is another implementation, chosen by {@code realName.target} in
 * {@code etc/org.onewindow.online.cfg}.
 */
@ConsumerType
public interface RealNameVerifier {

    /** Whether the service is configured and may be asked; while not, the path is not offered to citizens. */
    boolean available();

    /**
     * Asks the service. Throws {@link org.onewindow.problem.Problem} {@code REAL_NAME_UNAVAILABLE} when it
     * gives no trustworthy answer (unreachable, unsigned or wrongly signed, an answer to another question).
     */
    RealNameResult verify(String idNumber, String name, String mobile);
}
