package org.onewindow.hub.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "OneWindow city hub", description = "Federates district nodes and keeps what they replicate")
@interface HubConfig {
    String PID = "org.onewindow.hub";

    @AttributeDefinition(description = "How far a district's request timestamp may be from the hub's clock, in seconds")
    long skewSeconds() default 300;

    @AttributeDefinition(description = "The signature schemes districts may register their keys with (Ed25519, ECDSA-P256)")
    String[] algorithms() default {"Ed25519", "ECDSA-P256"};

    @AttributeDefinition(description = "Whether a district's first registration (or one after a revocation) must carry the one-time enrolment"
            + " code a city administrator issued for its code")
    boolean requireEnrolmentCode() default false;

    @AttributeDefinition(description = "How long an enrolment code stays valid, in hours")
    int enrolmentCodeHours() default 72;

    @AttributeDefinition(description = "Largest batch a district may send, in bytes")
    long maxBatchBytes() default 33554432;

    @AttributeDefinition(description = "Largest cross-district handover (the case with its scanned files, as base64) a district may send, in bytes")
    long maxHandoverBytes() default 100663296;
}
