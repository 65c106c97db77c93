package org.onewindow.hub.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.onewindow.shell.ShellActor;

/** {@code onewindow:district-enrolment-code CODE}: a one-time code for a district's registration, shown once. */
@Command(scope = "onewindow", name = "district-enrolment-code", description = "Issues a one-time enrolment code for a district code (any earlier"
        + " one is void); hand it to district IT out of band: its registration carries it where requireEnrolmentCode is set")
@Service
public class DistrictEnrolmentCodeCommand implements Action {

    @Argument(index = 0, name = "code", required = true, description = "The district's six-digit code")
    String code;

    @Reference
    CityHub hub;

    @Reference
    Session session;

    @Override
    public Object execute() {
        EnrolmentCodes.Issued issued = hub.enrolmentCode(code, ShellActor.of(session));
        System.out.printf("Enrolment code for %s: %s (valid until %s; shown once)%n", issued.district(), issued.code(), issued.expiresAt());
        return null;
    }
}
