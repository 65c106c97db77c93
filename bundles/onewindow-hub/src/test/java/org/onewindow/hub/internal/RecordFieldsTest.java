package org.onewindow.hub.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import org.junit.Test;
import org.onewindow.problem.Problem;
import org.onewindow.replication.RecordDTO;

import com.fasterxml.jackson.databind.JsonNode;

/** A batch's payloads read by streaming give what the JSON tree gave (BatchApplier.payload), whatever the payload's shape. */
public class RecordFieldsTest {
    private static final String[] PAYLOADS = {
        "{\"caseNo\":\"441302-20261128-0001\",\"itemCode\":\"RS-SB-003\",\"departmentCode\":\"RS\",\"departmentName\":\"区人社局\","
            + "\"channel\":\"WINDOW\",\"status\":\"DELIVERED\",\"applicant\":{\"idNumber\":\"441302199003071238\",\"status\":\"X\"},"
            + "\"materials\":[{\"code\":\"M01\",\"status\":\"Y\"}],\"visits\":2,\"timeLimit\":{\"acceptedOn\":\"2026-11-28\",\"inTime\":true,"
            + "\"calendarGaps\":[1,2]},\"createdAt\":\"2026-11-28T01:00:00Z\",\"history\":[{\"to\":\"DRAFT\"}]}",
        "{\"caseNo\":null,\"itemCode\":12,\"departmentCode\":{\"a\":1},\"channel\":[\"WINDOW\"],\"status\":true,\"visits\":\"3\","
            + "\"timeLimit\":{\"inTime\":\"true\"}}",
        "{\"visits\":1.7,\"timeLimit\":{\"inTime\":false},\"timeLimit\":7,\"status\":\"A\",\"status\":\"B\"}",
        "{\"visits\":true,\"timeLimit\":{\"inTime\":true,\"inTime\":null}}",
        "{\"visits\":null,\"timeLimit\":{\"inTime\":false,\"x\":{\"inTime\":true}}}",
        "{\"caseNo\":\"441302-20261128-0002\",\"color\":\"RED\"}",
        "{\"caseNo\":\"441302-20261128-0002\",\"color\":\"YELLOW\",\"removed\":\"true\"}",
        "{\"caseNo\":\"441302-20261128-0002\",\"color\":\"RED\",\"removed\":0}",
        "{\"caseNo\":\"441302-20261128-0002\",\"color\":\"RED\",\"removed\":1}",
        "{\"color\":null,\"removed\":{\"x\":true}}",
        "{}",
    };

    @Test
    public void fieldsAreThoseTheTreeGave() {
        for (String payload : PAYLOADS) {
            RecordDTO r = RecordDTO.of(1, "CASE", "k", "2026-11-28T01:00:00Z", payload);
            JsonNode tree = BatchApplier.payload(r);
            RecordFields fields = RecordFields.of(r);
            assertEquals(payload, text(tree, "caseNo"), fields.caseNo());
            assertEquals(payload, text(tree, "itemCode"), fields.itemCode());
            assertEquals(payload, text(tree, "departmentCode"), fields.departmentCode());
            assertEquals(payload, text(tree, "departmentName"), fields.departmentName());
            assertEquals(payload, text(tree, "channel"), fields.channel());
            assertEquals(payload, text(tree, "status"), fields.status());
            assertEquals(payload, text(tree, "createdAt"), fields.createdAt());
            assertEquals(payload, tree.path("visits").asInt(), fields.visits());
            JsonNode inTime = tree.path("timeLimit").path("inTime");
            assertEquals(payload, inTime.isBoolean() ? Short.valueOf((short) (inTime.asBoolean() ? 1 : 0)) : null, fields.inTime());
            assertEquals(payload, OpenCards.colour(tree), OpenCards.colour(fields));
        }
    }

    @Test
    public void aPayloadThatIsNoJsonObjectIsRefusedAsBefore() {
        for (String payload : new String[] {"[1,2]", "\"text\"", "", "12", "{\"caseNo\":", "{\"a\":[1,}", "nonsense"}) {
            RecordDTO r = RecordDTO.of(7, "CASE", "k", "2026-11-28T01:00:00Z", payload);
            Problem tree = assertThrows(Problem.class, () -> BatchApplier.payload(r));
            Problem fields = assertThrows(Problem.class, () -> RecordFields.of(r));
            assertEquals(payload, tree.code(), fields.code());
            assertEquals(payload, tree.getMessage(), fields.getMessage());
        }
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.path(field).asText() : null;
    }
}
