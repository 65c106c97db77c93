package org.onewindow.relay.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Map;

import javax.annotation.security.PermitAll;
import javax.ws.rs.Consumes;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.onewindow.intake.BackOfficeService;
import org.onewindow.intake.CaseDTO;
import org.onewindow.intake.RemoteDecisionDTO;
import org.onewindow.problem.Problem;
import org.onewindow.problem.ProblemKind;
import org.onewindow.rest.Json;
import org.onewindow.rest.JsonProblems;
import org.onewindow.rest.RequestBodies;
import org.onewindow.security.SignedBodies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;

/**
 * {@code /api/v1/relay/callback/{department}}: a department system's decision. No user logs in
 * here: the department proves itself with the HMAC signature of its shared secret.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class CallbackResource {
    private static final Logger LOG = LoggerFactory.getLogger(CallbackResource.class);
    private static final long MAX_BODY = 64 * 1024;
    /** Department systems may add fields of their own; only ours are read. */
    private static final ObjectReader DECISION = Json.mapper().readerFor(RemoteDecisionDTO.class)
            .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Departments departments;
    private final BackOfficeService backOffice;
    private final long skewSeconds;

    CallbackResource(Departments departments, BackOfficeService backOffice, long skewSeconds) {
        this.departments = departments;
        this.backOffice = backOffice;
        this.skewSeconds = skewSeconds;
    }

    @POST
    @Path("{department}")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermitAll
    public Map<String, Object> decision(@PathParam("department") String department,
            @HeaderParam(SignedBodies.TIMESTAMP) String timestamp, @HeaderParam(SignedBodies.SIGNATURE) String signature,
            InputStream in) {
        byte[] body = RequestBodies.read(in, MAX_BODY);
        DepartmentRoute route = departments.get(department);
        if (route == null || route.secret == null
                || !SignedBodies.verify(route.secret, timestamp, signature, body, Instant.now().getEpochSecond(), skewSeconds)) {
            LOG.warn("Callback for department {} refused: unknown department, bad signature or stale timestamp", department);
            throw new Problem(ProblemKind.UNAUTHORIZED, "BAD_SIGNATURE", "回调签名无效、已过期，或部门 " + department + " 未配置为外部审批系统");
        }
        RemoteDecisionDTO decision;
        try {
            decision = DECISION.readValue(body);
        } catch (JsonProcessingException e) {
            throw JsonProblems.of(e);
        } catch (IOException e) {
            throw Problem.badRequest("INVALID_DECISION", "回调内容无法读取");
        }
        if (decision == null) {
            throw Problem.badRequest("INVALID_DECISION", "回调内容为空");
        }
        CaseDTO c = backOffice.applyRemoteDecision(route.code, decision);
        LOG.info("Department {} decided case {}: {}", route.code, c.caseNo, c.status);
        return Map.of("caseNo", c.caseNo, "status", c.status.name());
    }
}
