package org.onewindow.replication.internal;

import java.io.IOException;
import java.time.Instant;

import org.onewindow.licences.CityLicences;
import org.onewindow.licences.LicenceDTO;
import org.onewindow.licences.Purpose;
import org.onewindow.problem.Problem;
import org.onewindow.problem.ProblemKind;
import org.onewindow.replication.CityLicenceDTO;
import org.onewindow.replication.LicenceLookupDTO;
import org.onewindow.replication.internal.HubClient.HubFailure;
import org.onewindow.rest.Json;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The citywide licence library for this district's own: asks the hub, signed, for a licence another district holds. */
@Component(service = CityLicences.class)
public class CityLicenceLookup implements CityLicences {

    @Reference
    ReplicationShipper shipper;

    @Override
    public LicenceDTO find(String type, String number, Purpose purpose, String actor) {
        ReplicationShipper.Federated federated = shipper.federated();
        if (federated == null) {
            throw Problem.notFound("LICENCE_NOT_FOUND", "本区证照库中没有 " + type + " " + number + "（本区未联网，未能查询全市证照库）");
        }
        LicenceLookupDTO ask = new LicenceLookupDTO();
        ask.type = type;
        ask.number = number;
        ask.caseNo = purpose.caseNo();
        ask.purpose = purpose.text();
        ask.actor = actor;
        CityLicenceDTO found;
        try {
            found = shipper.hubClient().licence(federated.hubUrl(), federated.key(), ask, Instant.now());
        } catch (HubFailure e) {
            throw new Problem(ProblemKind.UNAVAILABLE, "HUB_UNREACHABLE", "未能查询全市证照库：" + e.getMessage());
        }
        if (found == null) {
            return null;
        }
        try {
            LicenceDTO licence = Json.mapper().readValue(found.payload, LicenceDTO.class);
            licence.heldAt = found.district;
            return licence;
        } catch (IOException e) {
            throw new Problem(ProblemKind.UNAVAILABLE, "HUB_ANSWER_INVALID", "全市证照库的答复无法读取");
        }
    }
}
