package org.onewindow.online;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Tells a citizen something on their mobile: a sign-in code, a booking, what pre-review found, a
 * result sent by post. The appliance ships a file notifier ({@code channel=file}); an SMS gateway is
 * another implementation, chosen by {@code notifier.target} in {@code etc/org.onewindow.online.cfg}.
 */
@ConsumerType
public interface Notifier {

    /** Sends the notice; throws when it could not be handed to the channel. */
    void send(NoticeDTO notice);
}
