package org.onewindow.crossdistrict.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Base64;

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
import org.onewindow.scanning.ScanDTO;
import org.onewindow.scanning.ScanService;
import org.onewindow.security.Actor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relay's way out for departments routed {@code city}: the case, whole but for its pickup code,
 * and its scanned files go to the hub, signed, addressed to the district that decides.
 */
@Component(service = CityHandovers.class, configurationPid = CrossDistrictConfig.PID)
public class HubHandovers implements CityHandovers {
    static final Actor CROSS_DISTRICT = Actor.system("crossdistrict");
    private static final Logger LOG = LoggerFactory.getLogger(HubHandovers.class);

    @Reference
    IntakeService intake;

    @Reference
    HubChannel hub;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile ScanService scans;

    private volatile long maxFilesBytes;

    @Activate
    @Modified
    void configure(CrossDistrictConfig config) {
        maxFilesBytes = config.maxFilesBytes();
    }

    @Override
    public String send(HandoverDTO handover, String district) {
        String self = hub.approvedAs();
        if (self == null) {
            throw new Problem(ProblemKind.UNAVAILABLE, "NOT_FEDERATED", "本区尚未获市级枢纽批准联网，不能转交异地审批");
        }
        CaseDTO c = intake.get(handover.caseNo, CROSS_DISTRICT);
        // the pickup code stays at this window, where the result is handed out
        c.pickupCode = null;
        c.next = null;
        HandoverPayload payload = new HandoverPayload();
        payload.fromDistrict = self;
        payload.deliveryKey = handover.deliveryKey;
        payload.purpose = handover.purpose;
        payload.caseFile = c;
        attachScans(payload);
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

    private void attachScans(HandoverPayload payload) {
        ScanService scanning = scans;
        if (scanning == null) {
            return;
        }
        long total = 0;
        for (ScanDTO s : scanning.list(payload.caseFile.caseNo, CROSS_DISTRICT)) {
            total += s.size;
            if (total > maxFilesBytes) {
                throw Problem.badRequest("FILES_TOO_LARGE", "扫描件合计超过 " + maxFilesBytes + " 字节，不能随件转交（org.onewindow.crossdistrict maxFilesBytes）");
            }
            HandoverPayload.ScannedFile f = new HandoverPayload.ScannedFile();
            f.name = s.fileName;
            f.contentType = s.contentType;
            f.size = s.size;
            f.sha256 = s.sha256;
            try {
                f.contentBase64 = Base64.getEncoder().encodeToString(Files.readAllBytes(scanning.content(s)));
            } catch (IOException e) {
                throw new Problem(ProblemKind.UNAVAILABLE, "SCAN_UNREADABLE", "扫描件 " + s.fileName + " 无法读取");
            }
            payload.files.add(f);
        }
    }
}
