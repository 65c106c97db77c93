package org.onewindow.problem;

/** What kind of failure a {@link Problem} is; each maps to one HTTP status. */
public enum ProblemKind {
    BAD_REQUEST(400),
    UNAUTHORIZED(401),
    FORBIDDEN(403),
    NOT_FOUND(404),
    METHOD_NOT_ALLOWED(405),
    NOT_ACCEPTABLE(406),
    CONFLICT(409),
    PAYLOAD_TOO_LARGE(413),
    UNSUPPORTED_MEDIA_TYPE(415),
    TOO_MANY_REQUESTS(429),
    UNAVAILABLE(503),
    /** The disk is full: nothing was written, and the same request succeeds once space is freed. */
    INSUFFICIENT_STORAGE(507),
    INTERNAL(500);

    private final int status;

    ProblemKind(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }
}
