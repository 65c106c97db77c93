package org.onewindow.replication.internal;

import java.time.Instant;

import org.onewindow.problem.Problem;
import org.onewindow.problem.ProblemKind;
import org.onewindow.replication.HubChannel;
import org.onewindow.replication.internal.HubClient.HubFailure;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@link HubChannel} over the district's link: every call signed with this district's own private key. */
@Component(service = HubChannel.class)
public class SignedHubChannel implements HubChannel {

    @Reference
    ReplicationShipper shipper;

    @Override
    public String approvedAs() {
        ReplicationShipper.Federated federated = shipper.federated();
        return federated == null ? null : federated.key().district();
    }

    @Override
    public String post(String path, byte[] body) {
        return call(path, body == null ? new byte[0] : body);
    }

    @Override
    public String get(String path) {
        return call(path, null);
    }

    private String call(String path, byte[] body) {
        ReplicationShipper.Federated federated = shipper.federated();
        if (federated == null) {
            throw new Problem(ProblemKind.UNAVAILABLE, "NOT_FEDERATED", "本区尚未获市级枢纽批准联网");
        }
        try {
            return shipper.hubClient().signed(federated.hubUrl(), federated.key(), path, body, Instant.now());
        } catch (HubFailure e) {
            throw problem(e);
        }
    }

    /** The hub's refusal with its own code; unreachable or failing (5xx) is a passing unavailability. */
    static Problem problem(HubFailure e) {
        if (e.status == 0 || e.status >= 500) {
            return new Problem(ProblemKind.UNAVAILABLE, e.status == 0 ? "HUB_UNREACHABLE" : e.code, e.getMessage());
        }
        ProblemKind kind = ProblemKind.CONFLICT;
        for (ProblemKind k : ProblemKind.values()) {
            if (k.status() == e.status) {
                kind = k;
            }
        }
        return new Problem(kind, e.code, e.getMessage());
    }
}
