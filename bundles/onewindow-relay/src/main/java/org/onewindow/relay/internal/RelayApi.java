package org.onewindow.relay.internal;

import org.onewindow.intake.BackOfficeService;
import org.onewindow.intake.HandoverOutbox;
import org.onewindow.rest.RestPublisher;
import org.onewindow.rest.RestPublisher.Publication;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/** Publishes the department callbacks at {@code /api/v1/relay/callback} and the outbox at {@code /api/v1/relay/outbox}. */
@Component(immediate = true, configurationPid = RelayConfig.PID)
public class RelayApi {
    @Reference
    RestPublisher publisher;

    @Reference
    HandoverOutbox outbox;

    @Reference
    BackOfficeService backOffice;

    @Reference
    Departments departments;

    private Publication callbacks;
    private Publication outboxApi;

    @Activate
    void activate(RelayConfig config) {
        callbacks = publisher.publish("/v1/relay/callback", new CallbackResource(departments, backOffice, config.callbackSkewSeconds()));
        outboxApi = publisher.publish("/v1/relay/outbox", new OutboxResource(outbox));
    }

    @Deactivate
    void deactivate() {
        outboxApi.close();
        callbacks.close();
    }
}
