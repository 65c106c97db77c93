package org.onewindow.evaluation.internal.services;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.onewindow.citizen.Mobiles;
import org.onewindow.evaluation.ServiceKind;
import org.onewindow.evaluation.Stage;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The stages a case has reached that citizens rate, read from the case as the change journal holds it (intake's replica,
 * with its history): its acceptance (受理) or refusal (不予受理, which ends it), and its hand-out (出件). A case applied for
 * online is an online service; the others a window's. Each stage is reported at the time and by the person of its last
 * move into it.
 */
public final class CaseStages {
    private CaseStages() {
    }

    public static List<ServiceRecord> of(JsonNode c) {
        List<ServiceRecord> out = new ArrayList<>();
        ServiceKind kind = "ONLINE".equals(c.path("channel").asText()) ? ServiceKind.ONLINE : ServiceKind.WINDOW;
        JsonNode acceptance = null;
        JsonNode delivery = null;
        for (JsonNode h : c.path("history")) {
            switch (h.path("to").asText()) {
                case "ACCEPTED", "REJECTED" -> acceptance = h;
                case "DELIVERED" -> delivery = h;
                default -> {
                    // the other moves are not rated stages
                }
            }
        }
        String mobile = contact(c);
        if (acceptance != null) {
            out.add(record(c, Stage.ACCEPTANCE, kind, "REJECTED".equals(acceptance.path("to").asText()), acceptance, mobile));
        }
        if (delivery != null) {
            out.add(record(c, Stage.DELIVERY, kind, true, delivery, mobile));
        }
        return out;
    }

    /** The mobile a text about the case goes to: the agent's when someone came for the applicant, else the applicant's. */
    static String contact(JsonNode c) {
        for (String party : List.of("agent", "applicant")) {
            String phone = c.path(party).path("phone").asText(null);
            if (phone != null && Mobiles.isMobile(phone)) {
                return Mobiles.normal(phone);
            }
            if (c.path(party).isObject()) {
                return null;
            }
        }
        return null;
    }

    private static ServiceRecord record(JsonNode c, Stage stage, ServiceKind kind, boolean finalStage, JsonNode h, String mobile) {
        return new ServiceRecord(c.path("caseNo").asText(), stage, kind, finalStage, c.path("itemCode").asText(),
                text(c, "itemName", "itemCode"), c.path("departmentCode").asText(), text(c, "departmentName", "departmentCode"),
                h.path("by").asText(null), mobile, Instant.parse(h.path("at").asText()));
    }

    private static String text(JsonNode c, String field, String fallback) {
        String v = c.path(field).asText(null);
        return v == null || v.isBlank() ? c.path(fallback).asText() : v;
    }
}
