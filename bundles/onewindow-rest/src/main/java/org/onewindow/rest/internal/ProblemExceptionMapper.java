package org.onewindow.rest.internal;

import java.sql.SQLException;
import java.util.function.Supplier;

import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

import org.onewindow.db.Storage;
import org.onewindow.db.StorageState;
import org.onewindow.problem.Problem;
import org.onewindow.problem.ProblemKind;
import org.onewindow.problem.StorageFaults;
import org.onewindow.rest.ErrorDTO;
import org.onewindow.rest.JsonProblems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;

/** The one place where failures become JSON errors; no stack trace ever reaches a client. */
final class ProblemExceptionMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = LoggerFactory.getLogger(ProblemExceptionMapper.class);
    static final String CHALLENGE = "Basic realm=\"OneWindow\", charset=\"UTF-8\"";

    @Context
    HttpHeaders headers;

    private final Supplier<Storage> storage;

    ProblemExceptionMapper(Supplier<Storage> storage) {
        this.storage = storage;
    }

    @Override
    public Response toResponse(Throwable failure) {
        Problem problem = toProblem(failure, storage.get());
        Response.ResponseBuilder answer = Response.status(problem.kind().status())
                .type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .entity(new ErrorDTO(problem.code(), problem.getMessage(), problem.details()));
        // a page of the console asks with X-Requested-With: a Basic challenge would pop up the browser's own login box
        if (problem.retryAfter() != null) {
            answer.header(HttpHeaders.RETRY_AFTER, Math.max(1, problem.retryAfter().toSeconds()));
        }
        if (problem.kind() == ProblemKind.UNAUTHORIZED && (headers == null || headers.getHeaderString("X-Requested-With") == null)) {
            answer.header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
        }
        return answer.build();
    }

    static Problem toProblem(Throwable failure, Storage storage) {
        // a problem thrown while a body was read (a refused text) comes wrapped in Jackson's exception
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof Problem) {
                return (Problem) t;
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof JsonProcessingException && !(t instanceof InvalidDefinitionException)) {
                return JsonProblems.of((JsonProcessingException) t);
            }
        }
        if (failure instanceof WebApplicationException) {
            return fromStatus(((WebApplicationException) failure).getResponse().getStatus());
        }
        Problem fault = StorageFaults.problemOf(failure);
        if (fault == null && storage != null && fromDatabase(failure)) {
            // what Derby says while it shuts a database down after a failed write, or of a database it booted read-only
            StorageState state = storage.recheck();
            fault = state.writable() ? null : StorageFaults.problemFor(state.fault());
        }
        if (fault != null) {
            // district IT's to fix, not a bug: one line, no stack trace
            LOG.warn("Request refused, {}: {}", fault.code(), rootMessage(failure));
            return fault;
        }
        if (QuietFaults.clientGone(failure)) {
            LOG.info("Request body not read whole: the client went away ({})", failure.getClass().getSimpleName());
            return Problem.badRequest("REQUEST_INCOMPLETE", "请求内容未完整送达");
        }
        LOG.error("Unexpected failure while answering a request", failure);
        return new Problem(ProblemKind.INTERNAL, "INTERNAL_ERROR", "服务器内部错误，详情见日志");
    }

    private static boolean fromDatabase(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        for (int i = 0; i < 20 && root.getCause() != null && root.getCause() != root; i++) {
            root = root.getCause();
        }
        return root.toString();
    }

    private static Problem fromStatus(int status) {
        return switch (status) {
            case 404 -> Problem.notFound("NOT_FOUND", "没有这个接口");
            case 405 -> new Problem(ProblemKind.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED", "此接口不支持该请求方法");
            case 406 -> new Problem(ProblemKind.NOT_ACCEPTABLE, "NOT_ACCEPTABLE", "只能以 application/json 回答");
            case 415 -> new Problem(ProblemKind.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE", "请以 application/json 提交");
            default -> status >= 400 && status < 500 ? Problem.badRequest("BAD_REQUEST", "请求有误")
                    : new Problem(ProblemKind.INTERNAL, "INTERNAL_ERROR", "服务器内部错误，详情见日志");
        };
    }
}
