package org.onewindow.rest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.Test;
import org.onewindow.problem.MultiLine;
import org.onewindow.problem.Problem;

import com.fasterxml.jackson.core.type.TypeReference;

public class CheckedTextsTest {

    public static class Party {
        public String name;
        public String idNumber;
    }

    public static class Request {
        public Party applicant;
        public List<String> purposes;
        @MultiLine
        public String note;
        public Integer count;
    }

    private static Request read(String json) {
        return Json.read(json.getBytes(StandardCharsets.UTF_8), new TypeReference<Request>() { });
    }

    @Test
    public void everyTextOfABodyIsCheckedWhereverItIs() {
        refused("{\"applicant\":{\"name\":\"\\u202Efdp.exe\"}}", "applicant.name");
        refused("{\"applicant\":{\"name\":\"张\\u0000三\"}}", "applicant.name");
        refused("{\"purposes\":[\"ok\",\"bad\\u001B[2J\"]}", "purposes[1]");
        refused("{\"applicant\":{\"name\":\"a\\r\\nb\"}}", "applicant.name");
        refused("{\"note\":\"a\\rb\"}", "note");
        refused("{\"note\":\"a\\u2066b\"}", "note");
    }

    @Test
    public void aNoteMayHaveLinesAndTabsAndNothingElseChanges() {
        Request r = read("{\"applicant\":{\"name\":\"张三\"},\"purposes\":[\"落户\"],\"note\":\"第一行\\n\\t第二行\",\"count\":2}");
        assertEquals("张三", r.applicant.name);
        assertEquals("第一行\n\t第二行", r.note);
        assertEquals(Integer.valueOf(2), r.count);
    }

    @Test
    public void mappingErrorsNameNoJavaType() {
        for (String json : List.of("{\"applicant\":{\"name\":{}}}", "{\"count\":\"many\"}", "{\"unknown\":1}", "{\"purposes\":\"x\"}",
                "{\"applicant\":[1]}", "{\"count\":")) {
            try {
                read(json);
                fail("must be refused: " + json);
            } catch (Problem p) {
                String all = p.getMessage() + " " + p.details();
                assertFalse(all, all.contains("java.") || all.contains("org.onewindow") || all.contains("Request") || all.contains("String"));
                assertTrue(all, p.code().equals("INVALID_JSON") || p.code().equals("MALFORMED_JSON"));
            }
        }
    }

    private static void refused(String json, String field) {
        try {
            read(json);
            fail("must be refused: " + json);
        } catch (Problem p) {
            assertEquals("INVALID_TEXT", p.code());
            assertEquals(field, p.details().get(0).field);
        }
    }
}
