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
    /** The endpoint of each resource method of this publication, made once: a request costs a lookup, no string. */
    private final java.util.Map<OperationResourceInfo, String> endpoints = new java.util.concurrent.ConcurrentHashMap<>();

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
        String endpoint = endpoint();
        for (RequestTimings t : timings) {
            try {
                t.record(endpoint, request.getMethod(), response.getStatus(), nanos);
            } catch (RuntimeException e) {
                LOG.debug("Request timing {} failed: {}", t, e.toString());
            }
        }
    }

    /** The endpoint of the resource method CXF matched the request to; {@link Templates#UNMATCHED} when none. */
    private String endpoint() {
        Message message = JAXRSUtils.getCurrentMessage();
        OperationResourceInfo operation = message == null || message.getExchange() == null ? null
                : message.getExchange().get(OperationResourceInfo.class);
        if (operation == null) {
            return Templates.UNMATCHED;
        }
        String known = endpoints.get(operation);
        if (known != null) {
            return known;
        }
        String made = Templates.endpoint(address, templates(operation));
        if (endpoints.size() < 10_000) { // a publication has a few dozen; never let an odd one grow without end
            endpoints.put(operation, made);
        }
        return made;
    }

    /** The class's and the method's path templates. */
    private static String[] templates(OperationResourceInfo operation) {
        String type = operation.getClassResourceInfo() == null || operation.getClassResourceInfo().getURITemplate() == null ? ""
                : operation.getClassResourceInfo().getURITemplate().getValue();
        String method = operation.getURITemplate() == null ? "" : operation.getURITemplate().getValue();
        return new String[] {type, method};
    }
}
