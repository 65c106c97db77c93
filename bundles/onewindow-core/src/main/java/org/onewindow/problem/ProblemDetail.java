package org.onewindow.problem;

/** One thing wrong with the input: which record ({@code item}), which field, and what. */
public class ProblemDetail {
    public String item;
    public String field;
    public String message;

    public ProblemDetail() {
    }

    public ProblemDetail(String item, String field, String message) {
        this.item = item;
        this.field = field;
        this.message = message;
    }

    @Override
    public String toString() {
        return (item == null ? "" : item + " ") + (field == null ? "" : field + ": ") + message;
    }
}
