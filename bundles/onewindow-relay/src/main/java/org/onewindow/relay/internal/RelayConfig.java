package org.onewindow.relay.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "OneWindow relay", description = "Hands accepted cases over to their departments")
@interface RelayConfig {
    String PID = "org.onewindow.relay";

    @AttributeDefinition(description = "How often the outbox is looked at while there is work, in milliseconds")
    long pollMillis() default 500;

    @AttributeDefinition(description = "The longest wait between looks at an empty outbox, in milliseconds: the wait doubles from pollMillis"
            + " while nothing comes, so that an idle hall costs little and the first handover after a quiet spell waits at most this long")
    long idlePollMaxMillis() default 2000;

    @AttributeDefinition(description = "Handovers taken from the outbox at a time")
    int batchSize() default 100;

    @AttributeDefinition(description = "Handovers in flight at once (parallel deliveries to department systems)")
    int threads() default 8;

    @AttributeDefinition(description = "Attempts before a handover is dead (dead letters wait for an administrator's retry)")
    int maxAttempts() default 20;

    @AttributeDefinition(description = "Wait before the first retry, in milliseconds; doubled at each attempt, with jitter")
    long backoffBaseMillis() default 1000;

    @AttributeDefinition(description = "Longest wait between attempts, in milliseconds")
    long backoffMaxMillis() default 300000;

    @AttributeDefinition(description = "The API root department systems call back, as they reach this appliance")
    String callbackBaseUrl() default "http://localhost:8181/api";

    @AttributeDefinition(description = "Largest total size of scanned files sent with one case, in bytes")
    long maxFilesBytes() default 52428800;

    @AttributeDefinition(description = "How far a callback's timestamp may be from this appliance's clock, in seconds")
    long callbackSkewSeconds() default 300;
}
