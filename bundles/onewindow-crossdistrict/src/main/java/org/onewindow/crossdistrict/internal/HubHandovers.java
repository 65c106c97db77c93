package org.onewindow.crossdistrict.internal;

import org.onewindow.citizen.IdNumbers;
import org.onewindow.intake.CaseDTO;
import org.onewindow.intake.CityHandovers;
import org.onewindow.intake.HandoverDTO;
import org.onewindow.intake.IntakeService;
import org.onewindow.problem.Problem;
import org.onewindow.problem.ProblemKind;
import org.onewindow.replication.HubChannel;
import org.onewindow.replication.HubHandoverDTO;
import org.onewindow.replication.HubMessageDTO;
import org.onewindow.rest.Json;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relay's way out for departments routed {@code city}: the case, whole but for its pickup code,
 * and its scanned files go to the hub, signed, addressed to the district that decides.
 */
@Component(service = CityHandovers.class)
public class HubHandovers implements CityHandovers {
    private static final Logger LOG = LoggerFactory.getLogger(HubHandovers.class);

    @Reference
    IntakeService intake;

    @Reference
    HubChannel hub;

    @Reference
    ScanCopies scans;

    @Override
    public String send(HandoverDTO handover, String district) {
        String self = hub.approvedAs();
        if (self == null) {
            throw new Problem(ProblemKind.UNAVAILABLE, "NOT_FEDERATED", "本区尚未获市级枢纽批准联网，不能转交异地审批");
        }
        CaseDTO c = intake.get(handover.caseNo, ScanCopies.CROSS_DISTRICT);
        // the pickup code stays at this window, where the result is handed out
        c.pickupCode = null;
        c.next = null;
        HandoverPayload payload = new HandoverPayload();
        payload.fromDistrict = self;
        payload.deliveryKey = handover.deliveryKey;
        payload.purpose = handover.purpose;
        payload.caseFile = c;
        payload.files = scans.of(c.caseNo);
        HubHandoverDTO envelope = new HubHandoverDTO();
        envelope.toDistrict = district;
        envelope.deliveryKey = handover.deliveryKey;
        envelope.caseNo = c.caseNo;
        envelope.purpose = handover.purpose;
        envelope.payload = Json.write(payload);
        HubMessageDTO sent = Messages.read(hub.post("/handovers", Json.bytes(envelope)), HubMessageDTO.class);
        LOG.info("Case {} (applicant {}) handed to district {} through the hub, message {}, {} scanned files", c.caseNo,
                IdNumbers.mask(c.applicant.idNumber), district, sent.id, payload.files.size());
        return district + "，枢纽收件号 " + sent.id;
    }
}
