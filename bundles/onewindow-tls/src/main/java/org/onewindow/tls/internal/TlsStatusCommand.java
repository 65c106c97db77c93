package org.onewindow.tls.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code onewindow:tls-status}: the certificate served, until when, its fingerprint, and what outgoing links trust. */
@Command(scope = "onewindow", name = "tls-status", description = "Shows the HTTPS certificate (fingerprint, validity), plain HTTP's mode and the trust store")
@Service
public class TlsStatusCommand implements Action {

    @Reference
    ApplianceTls tls;

    @Override
    public Object execute() {
        tls.status().forEach((k, v) -> System.out.printf("  %-12s %s%n", k, v));
        return null;
    }
}
