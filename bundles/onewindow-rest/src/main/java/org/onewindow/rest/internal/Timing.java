package org.onewindow.rest.internal;

import java.util.List;

import javax.annotation.Priority;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.container.PreMatching;

import org.apache.cxf.jaxrs.model.OperationResourceInfo;
import org.apache.cxf.jaxrs.utils.JAXRSUtils;
import org.apache.cxf.message.Message;
import org.onewindow.rest.RequestTimings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Times every request of one publication from its arrival (before any other filter, so that the login is in the time)
 * to its answer's status, and tells every registered {@link RequestTimings} the resource's path template. Without one
 * registered it only looks at an empty list.
 */
@PreMatching
@Priority(1)
final class Timing implements ContainerRequestFilter, ContainerResponseFilter {
    private static final Logger LOG = LoggerFactory.getLogger(Timing.class);
    private static final String STARTED = Timing.class.getName() + ".started";

    private final String address;
    private final List<RequestTimings> timings;

    /** {@code timings}: the publisher's live list of the registered services. */
    Timing(String address, List<RequestTimings> timings) {
        this.address = address;
        this.timings = timings;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (!timings.isEmpty()) {
            request.setProperty(STARTED, System.nanoTime());
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object started = request.getProperty(STARTED);
        if (!(started instanceof Long) || timings.isEmpty()) {
            return;
        }
        long nanos = System.nanoTime() - (Long) started;
        String endpoint = Templates.endpoint(address, matched());
        for (RequestTimings t : timings) {
            try {
                t.record(endpoint, request.getMethod(), response.getStatus(), nanos);
            } catch (RuntimeException e) {
                LOG.debug("Request timing {} failed: {}", t, e.toString());
            }
        }
    }

    /** The class's and the method's templates CXF matched the request to; null when nothing matched. */
    private static String[] matched() {
        Message message = JAXRSUtils.getCurrentMessage();
        OperationResourceInfo operation = message == null || message.getExchange() == null ? null
                : message.getExchange().get(OperationResourceInfo.class);
        if (operation == null) {
            return null;
        }
        String type = operation.getClassResourceInfo() == null || operation.getClassResourceInfo().getURITemplate() == null ? ""
                : operation.getClassResourceInfo().getURITemplate().getValue();
        String method = operation.getURITemplate() == null ? "" : operation.getURITemplate().getValue();
        return new String[] {type, method};
    }
}
