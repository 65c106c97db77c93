package org.onewindow.rest.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;

import javax.ws.rs.NotAllowedException;
import javax.ws.rs.NotFoundException;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;

import org.junit.Test;
import org.onewindow.problem.Problem;
import org.onewindow.problem.ProblemKind;
import org.onewindow.rest.ErrorDTO;

import com.fasterxml.jackson.core.JsonParseException;

public class ProblemExceptionMapperTest {
    private final ProblemExceptionMapper mapper = new ProblemExceptionMapper();

    @Test
    public void problemsKeepTheirStatusAndCode() {
        Response r = mapper.toResponse(new Problem(ProblemKind.CONFLICT, "X_CONFLICT", "m"));
        assertEquals(409, r.getStatus());
        assertEquals("X_CONFLICT", ((ErrorDTO) r.getEntity()).code);
        assertNull(r.getHeaderString(HttpHeaders.WWW_AUTHENTICATE));
    }

    @Test
    public void unauthorizedAsksForBasicLogin() {
        Response r = mapper.toResponse(new Problem(ProblemKind.UNAUTHORIZED, "UNAUTHENTICATED", "m"));
        assertNotNull(r.getHeaderString(HttpHeaders.WWW_AUTHENTICATE));
    }

    @Test
    public void frameworkFailuresGetStableCodes() {
        assertEquals("NOT_FOUND", code(new NotFoundException()));
        assertEquals(405, mapper.toResponse(new NotAllowedException("GET")).getStatus());
        assertEquals("MALFORMED_JSON", code(new RuntimeException(new JsonParseException(null, "bad"))));
    }

    @Test
    public void anythingElseIsAnInternalErrorWithoutDetails() {
        Response r = mapper.toResponse(new IllegalStateException("secret detail"));
        assertEquals(500, r.getStatus());
        assertEquals("INTERNAL_ERROR", ((ErrorDTO) r.getEntity()).code);
        assertEquals(false, ((ErrorDTO) r.getEntity()).message.contains("secret"));
    }

    private String code(Throwable t) {
        return ((ErrorDTO) mapper.toResponse(t).getEntity()).code;
    }
}
