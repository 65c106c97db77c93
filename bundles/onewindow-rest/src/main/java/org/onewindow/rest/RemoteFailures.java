package org.onewindow.rest;

/** How a failed call to another system (a department, the city hub) is told in a log line or an error. */
public final class RemoteFailures {
    private static final int MAX_TEXT = 300;

    private RemoteFailures() {
    }

    /** The innermost cause, its type and message: "ConnectException: Connection refused". */
    public static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    /** An answer's text cut to a log line's length. */
    public static String abbreviate(String text) {
        return text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) + "…" : text;
    }
}
