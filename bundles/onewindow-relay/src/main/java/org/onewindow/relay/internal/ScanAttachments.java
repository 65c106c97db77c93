package org.onewindow.relay.internal;

import java.util.ArrayList;
import java.util.List;

import org.onewindow.relay.internal.DepartmentClient.DeliveryFailure;
import org.onewindow.scanning.ScanDTO;
import org.onewindow.scanning.ScanService;
import org.onewindow.security.Actor;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/** The case's scans from the scanning capability; none while scanning is not installed. */
@Component(service = Attachments.class)
public class ScanAttachments implements Attachments {
    private static final Actor RELAY = Actor.system("relay");

    // optional, so that the relay's feature does not require scanning's
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile ScanService scans;

    @Override
    public List<DeliveryPayload.File> of(String caseNo, long maxBytes) throws DeliveryFailure {
        List<DeliveryPayload.File> out = new ArrayList<>();
        ScanService scanning = scans;
        if (scanning == null) {
            return out;
        }
        List<ScanDTO> all = scanning.listToSend(caseNo, maxBytes, RELAY)
                .orElseThrow(() -> new DeliveryFailure("扫描件合计超过 " + maxBytes + " 字节，不能随件送交", true));
        for (ScanDTO s : all) {
            out.add(new DeliveryPayload.File(s.fileName, s.contentType, s.size, s.sha256, scanning.content(s)));
        }
        return out;
    }
}
