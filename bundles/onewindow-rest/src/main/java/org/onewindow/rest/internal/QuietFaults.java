package org.onewindow.rest.internal;

import javax.ws.rs.WebApplicationException;

import org.apache.cxf.logging.FaultListener;
import org.apache.cxf.message.Message;
import org.onewindow.problem.Problem;
import org.onewindow.problem.StorageFaults;

/**
 * Keeps CXF from logging a client's own mistake with a stack trace ("has thrown exception, unwinding
 * now", 6 KB a request): a refused login, a missing role, a bad body or an upload the client left
 * is expected, answered as JSON and, where it matters, logged in one line where it was refused; so is a request
 * refused while the disk is full or read-only, which the node's health logs when it begins and ends.
 * Failures of the appliance itself are logged by CXF as before.
 */
final class QuietFaults implements FaultListener {
    @Override
    public boolean faultOccurred(Exception exception, String description, Message message) {
        return !expected(exception);
    }

    /** A refusal with a 4xx status, or a request the client did not send whole. */
    static boolean expected(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof Problem problem) {
                // a full or read-only disk refused by StorageGuard at every request: the node's health logs it once
                return problem.kind().status() < 500 || StorageFaults.problemFor(problem.code()) != null;
            }
            if (t instanceof WebApplicationException && ((WebApplicationException) t).getResponse() != null) {
                int status = ((WebApplicationException) t).getResponse().getStatus();
                if (status >= 400 && status < 500) {
                    return true;
                }
            }
        }
        return clientGone(failure);
    }

    /** The client closed the connection or stopped sending while its body was read (Jetty's EofException, a timeout). */
    static boolean clientGone(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String name = t.getClass().getName();
            if (name.equals("org.eclipse.jetty.io.EofException") || name.equals("java.nio.channels.ClosedChannelException")
                    || name.equals("org.eclipse.jetty.io.RuntimeIOException") || t instanceof java.util.concurrent.TimeoutException
                    || (t instanceof java.io.IOException && t.getMessage() != null && t.getMessage().contains("Early EOF"))) {
                return true;
            }
        }
        return false;
    }
}
