package org.onewindow.hub.internal;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.NumberInput;
import org.onewindow.problem.Problem;
import org.onewindow.replication.RecordDTO;
import org.onewindow.rest.Json;

/**
 * What the hub reads of a case or card record's payload: the top-level fields it indexes and counts by, and
 * {@code timeLimit.inTime}. Read once per record, with a streaming parser: the rest of the payload (the applicant, the
 * materials, the history: most of its bytes) is skipped, not built into a tree, which a batch of 500 cases would do
 * 500 times over. The values are those the JSON tree gave before (a field that is null or absent is null, a field that
 * is an object or array reads as "", the last of a repeated field wins); a payload that is not a JSON object is refused
 * as before, 400 {@code INVALID_BATCH}.
 */
record RecordFields(String caseNo, String itemCode, String departmentCode, String departmentName, String channel, String status,
        String createdAt, int visits, Short inTime, String color, boolean removed) {
    private static final JsonFactory FACTORY = Json.mapper().getFactory();

    static RecordFields of(RecordDTO r) {
        try (JsonParser p = FACTORY.createParser(r.payload)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw notAnObject(r);
            }
            String caseNo = null;
            String itemCode = null;
            String departmentCode = null;
            String departmentName = null;
            String channel = null;
            String status = null;
            String createdAt = null;
            int visits = 0;
            Short inTime = null;
            String color = null;
            boolean removed = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.getCurrentName();
                JsonToken value = p.nextToken();
                switch (name) {
                    case "caseNo" -> caseNo = text(p, value);
                    case "itemCode" -> itemCode = text(p, value);
                    case "departmentCode" -> departmentCode = text(p, value);
                    case "departmentName" -> departmentName = text(p, value);
                    case "channel" -> channel = text(p, value);
                    case "status" -> status = text(p, value);
                    case "createdAt" -> createdAt = text(p, value);
                    case "color" -> color = text(p, value);
                    case "visits" -> visits = integer(p, value);
                    case "removed" -> removed = bool(p, value);
                    case "timeLimit" -> inTime = inTime(p, value);
                    default -> p.skipChildren();
                }
            }
            return new RecordFields(caseNo, itemCode, departmentCode, departmentName, channel, status, createdAt, visits, inTime, color, removed);
        } catch (IOException e) {
            throw Problem.badRequest("INVALID_BATCH", "记录 #" + r.seq + " 的 payload 不是 JSON");
        }
    }

    private static String text(JsonParser p, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        if (value.isScalarValue()) {
            return p.getText();
        }
        p.skipChildren();
        return "";
    }

    /** As the tree's {@code asInt()}: a number's int value, a text's number if it is one, true 1, anything else 0. */
    private static int integer(JsonParser p, JsonToken value) throws IOException {
        return switch (value) {
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> p.getNumberValue().intValue();
            case VALUE_STRING -> NumberInput.parseAsInt(p.getText(), 0);
            case VALUE_TRUE -> 1;
            default -> {
                p.skipChildren();
                yield 0;
            }
        };
    }

    /** As the tree's {@code asBoolean()}: true, the text "true", or a number other than 0. */
    private static boolean bool(JsonParser p, JsonToken value) throws IOException {
        return switch (value) {
            case VALUE_TRUE -> true;
            case VALUE_STRING -> "true".equals(p.getText().trim());
            case VALUE_NUMBER_INT -> p.getLongValue() != 0;
            default -> {
                p.skipChildren();
                yield false;
            }
        };
    }

    /** {@code timeLimit.inTime} when it is a boolean (1 or 0), else null. */
    private static Short inTime(JsonParser p, JsonToken value) throws IOException {
        if (value != JsonToken.START_OBJECT) {
            p.skipChildren();
            return null;
        }
        Short inTime = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.getCurrentName();
            JsonToken v = p.nextToken();
            if ("inTime".equals(name) && (v == JsonToken.VALUE_TRUE || v == JsonToken.VALUE_FALSE)) {
                inTime = (short) (v == JsonToken.VALUE_TRUE ? 1 : 0);
            } else {
                inTime = "inTime".equals(name) ? null : inTime;
                p.skipChildren();
            }
        }
        return inTime;
    }

    private static Problem notAnObject(RecordDTO r) {
        return Problem.badRequest("INVALID_BATCH", "记录 #" + r.seq + " 的 payload 不是 JSON 对象");
    }
}
