package org.onewindow.rest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;

import java.util.List;

import org.junit.Test;
import org.onewindow.problem.Problem;

import com.fasterxml.jackson.databind.JsonMappingException;

public class JsonProblemsTest {

    /** A record with a nested list, as the catalog has. */
    public static class Outer {
        public List<Inner> materials;
    }

    public static class Inner {
        public Integer code;
    }

    @Test
    public void mappingFailuresNameTheFieldPath() throws Exception {
        try {
            Json.mapper().readValue("{\"materials\":[{\"code\":1},{\"code\":\"x\"}]}", Outer.class);
            fail("a string is no integer");
        } catch (JsonMappingException e) {
            assertEquals("materials[1].code", JsonProblems.path(e));
            Problem p = JsonProblems.of(e);
            assertEquals("INVALID_JSON", p.code());
            assertEquals("materials[1].code", p.details().get(0).field);
        }
    }
}
