package org.onewindow.problem;

import java.time.Duration;
import java.util.List;

/**
 * A failure a caller can act on, with a stable machine-readable {@code code} (such as
 * {@code ITEM_NOT_FOUND}) and a message for people. Services throw it; the REST layer turns it
 * into {@code {"code": ..., "message": ..., "details": [...]}} with the status of its kind.
 */
public class Problem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ProblemKind kind;
    private final String code;
    private final transient List<ProblemDetail> details;
    private final Duration retryAfter;

    public Problem(ProblemKind kind, String code, String message) {
        this(kind, code, message, List.of());
    }

    public Problem(ProblemKind kind, String code, String message, List<ProblemDetail> details) {
        this(kind, code, message, details, null);
    }

    private Problem(ProblemKind kind, String code, String message, List<ProblemDetail> details, Duration retryAfter) {
        super(message);
        this.kind = kind;
        this.code = code;
        this.details = List.copyOf(details);
        this.retryAfter = retryAfter;
    }

    /** A refusal the caller may try again after {@code retryAfter} (sent as {@code Retry-After}). */
    public static Problem tooManyRequests(String code, String message, Duration retryAfter) {
        return new Problem(ProblemKind.TOO_MANY_REQUESTS, code, message, List.of(), retryAfter);
    }

    /** A refusal of any kind the caller may try again after {@code retryAfter} (sent as {@code Retry-After}). */
    public static Problem retryLater(ProblemKind kind, String code, String message, Duration retryAfter) {
        return new Problem(kind, code, message, List.of(), retryAfter);
    }

    public ProblemKind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public List<ProblemDetail> details() {
        return details;
    }

    /** How long the caller should wait before trying again, or {@code null}. */
    public Duration retryAfter() {
        return retryAfter;
    }

    public static Problem badRequest(String code, String message) {
        return new Problem(ProblemKind.BAD_REQUEST, code, message);
    }

    public static Problem notFound(String code, String message) {
        return new Problem(ProblemKind.NOT_FOUND, code, message);
    }
}
