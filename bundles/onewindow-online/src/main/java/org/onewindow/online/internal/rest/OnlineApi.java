package org.onewindow.online.internal.rest;

import java.util.List;

import org.onewindow.online.AppointmentService;
import org.onewindow.online.CitizenCases;
import org.onewindow.online.OnlineApplications;
import org.onewindow.online.Payments;
import org.onewindow.online.internal.identity.CitizenAccess;
import org.onewindow.online.internal.identity.CitizenBindings;
import org.onewindow.rest.RestPublisher;
import org.onewindow.rest.RestPublisher.Publication;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/** Publishes the citizens' {@link SignInResource} and {@link CitizenResource} at {@code /api/v1/public/online}, the hall's {@link DeskResource} at {@code /api/v1/online}. */
@Component(immediate = true)
public class OnlineApi {
    static final String PUBLIC_ADDRESS = "/v1/public/online";
    static final String DESK_ADDRESS = "/v1/online";

    @Reference
    RestPublisher publisher;

    @Reference
    CitizenAccess access;

    @Reference
    CitizenBindings bindings;

    @Reference
    AppointmentService appointments;

    @Reference
    OnlineApplications applications;

    @Reference
    CitizenCases cases;

    @Reference
    Payments payments;

    private Publication citizens;
    private Publication desk;

    @Activate
    void activate() {
        citizens = publisher.publish(PUBLIC_ADDRESS, List.of(new CitizenFilter(access)), new SignInResource(access, bindings),
                new CitizenResource(appointments, applications, cases, payments), new GatewayResource(payments));
        desk = publisher.publish(DESK_ADDRESS, new DeskResource(appointments, applications, bindings, payments));
    }

    @Deactivate
    void deactivate() {
        desk.close();
        citizens.close();
    }
}
