package org.onewindow.intake;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A capability that serves paths below a case, {@code /api/v1/cases/{caseNo}/<segment>}, such as
 * scanned materials. Registered as a service; the intake resource hands such requests to it, or
 * answers 503 while no capability serves the segment. No REST server is rebuilt when one comes or goes.
 */
@ConsumerType
public interface CaseExtension {

    /** The path segment served, such as {@code materials}. */
    String segment();

    /** A JAX-RS sub-resource for the case (its methods carry {@code @GET}, {@code @POST}, {@code @Path}). */
    Object resource(String caseNo);
}
