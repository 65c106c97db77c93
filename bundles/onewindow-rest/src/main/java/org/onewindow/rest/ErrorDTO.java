package org.onewindow.rest;

import java.util.List;

import org.onewindow.problem.ProblemDetail;

/** The body of every error answer: {@code {"code": "...", "message": "...", "details": [...]}}. */
public class ErrorDTO {
    public String code;
    public String message;
    public List<ProblemDetail> details;

    public ErrorDTO() {
    }

    public ErrorDTO(String code, String message, List<ProblemDetail> details) {
        this.code = code;
        this.message = message;
        this.details = details == null || details.isEmpty() ? null : details;
    }
}
