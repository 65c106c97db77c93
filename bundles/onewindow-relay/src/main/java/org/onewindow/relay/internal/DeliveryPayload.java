package org.onewindow.relay.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.onewindow.intake.CaseDTO;
import org.onewindow.intake.CaseMaterialDTO;
import org.onewindow.intake.HandoverDTO;
import org.onewindow.intake.PartyDTO;
import org.onewindow.rest.Json;

/** The body of a delivery to a department system: the case, its materials and its scanned files. */
final class DeliveryPayload {
    private DeliveryPayload() {
    }

    /** A scanned file to send: its metadata and where its bytes are. */
    record File(String name, String contentType, long size, String sha256, Path content) {
    }

    static byte[] build(HandoverDTO handover, CaseDTO c, List<File> files, String callbackUrl, String district) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("deliveryKey", handover.deliveryKey);
        body.put("purpose", handover.purpose);
        body.put("caseNo", c.caseNo);
        body.put("callbackUrl", callbackUrl);
        body.put("district", district);
        body.put("item", Map.of("code", c.itemCode, "version", c.itemVersion, "name", c.itemName));
        body.put("department", Map.of("code", c.departmentCode, "name", c.departmentName));
        body.put("applicant", party(c.applicant));
        if (c.agent != null) {
            body.put("agent", party(c.agent));
        }
        body.put("channel", c.channel);
        if (c.timeLimit != null) {
            body.put("acceptedOn", c.timeLimit.acceptedOn);
            body.put("deadline", c.timeLimit.deadline);
        }
        body.put("timeLimitDays", c.timeLimitDays);
        List<Map<String, Object>> materials = new ArrayList<>();
        for (CaseMaterialDTO m : c.materials) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("code", m.code);
            one.put("name", m.name);
            one.put("required", m.required);
            one.put("received", m.received);
            if (m.source != null) {
                // a department must know what stands in for paper: a licence of the library, or an earlier case's copy
                one.put("source", m.source);
            }
            if (m.licenceNo != null) {
                one.put("licenceType", m.licenceType);
                one.put("licenceNo", m.licenceNo);
            }
            if (m.fromCaseNo != null) {
                one.put("fromCaseNo", m.fromCaseNo);
            }
            one.put("files", List.of());
            materials.add(one);
        }
        body.put("materials", materials);
        List<Map<String, Object>> scans = new ArrayList<>();
        for (File f : files) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("name", f.name());
            one.put("contentType", f.contentType());
            one.put("size", f.size());
            one.put("sha256", f.sha256());
            one.put("contentBase64", base64(f.content()));
            scans.add(one);
        }
        body.put("files", scans);
        return Json.bytes(body);
    }

    private static Map<String, Object> party(PartyDTO p) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("idType", p.idType);
        out.put("idNumber", p.idNumber);
        out.put("name", p.name);
        if (p.phone != null) {
            out.put("phone", p.phone);
        }
        return out;
    }

    private static String base64(Path content) {
        try {
            return Base64.getEncoder().encodeToString(Files.readAllBytes(content));
        } catch (IOException e) {
            throw new UncheckedIOException("scanned file " + content + " cannot be read", e);
        }
    }
}
