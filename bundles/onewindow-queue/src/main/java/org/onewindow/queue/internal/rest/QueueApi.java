package org.onewindow.queue.internal.rest;

import org.onewindow.queue.QueueService;
import org.onewindow.rest.RestPublisher;
import org.onewindow.rest.RestPublisher.Publication;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/** Publishes {@link QueueResource} at {@code /api/v1/queue} and {@link PublicQueueResource} at {@code /api/v1/public/queue}. */
@Component(immediate = true)
public class QueueApi {
    /** Numbers one client address may take at the kiosk in a minute: a busy hall's kiosk takes a few. */
    static final int KIOSK_TICKETS_PER_MINUTE = 30;

    @Reference
    RestPublisher publisher;

    @Reference
    QueueService queue;

    private Publication staff;
    private Publication open;

    @Activate
    void activate() {
        staff = publisher.publish("/v1/queue", new QueueResource(queue));
        open = publisher.publish("/v1/public/queue", new PublicQueueResource(queue, KIOSK_TICKETS_PER_MINUTE));
    }

    @Deactivate
    void deactivate() {
        staff.close();
        open.close();
    }
}
