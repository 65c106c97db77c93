package org.onewindow.rest;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Told of every answered REST request (a whiteboard service: the REST base calls each one registered), so that a
 * capability such as the metrics can count and time requests without the REST base knowing how. Called on the
 * request's own thread after the answer's status is known: keep it cheap and never throw.
 */
@ConsumerType
public interface RequestTimings {

    /**
     * One request answered.
     *
     * @param endpoint the resource's path template under {@code /api} (such as {@code /api/v1/cases/{caseNo}}), never
     *        the path as sent (which may carry a case number or more); {@code UNMATCHED} when no resource matched
     * @param method the HTTP method
     * @param status the answer's status code
     * @param nanos from the request's arrival at the REST base to its answer's status (the body may still be streaming)
     */
    void record(String endpoint, String method, int status, long nanos);
}
