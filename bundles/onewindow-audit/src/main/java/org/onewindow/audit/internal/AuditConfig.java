package org.onewindow.audit.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "OneWindow audit trail",
        description = "The one tamper-evident audit trail: hash algorithm, retention, what configuration changes it records")
public @interface AuditConfig {
    String PID = "org.onewindow.audit";

    @AttributeDefinition(description = "Days a record is kept (the Cybersecurity Law asks for six months at least). On a district a record is"
            + " pruned only once the city hub has acknowledged it too; on the hub, by age alone")
    int auditRetentionDays() default 183;

    @AttributeDefinition(description = "The hash algorithm of new records: SHA-256 or SM3. Each record names its own, so a change never breaks the chain")
    String algorithm() default "SHA-256";

    @AttributeDefinition(description = "Minutes between two prunings")
    int pruneIntervalMinutes() default 60;

    @AttributeDefinition(description = "Configuration PIDs whose changes are recorded, by prefix, separated by commas")
    String configPidPrefixes() default "org.onewindow.";

    @AttributeDefinition(description = "FOR THE BENCHMARK ONLY, honoured in demo mode alone: append nothing, to measure what the trail costs."
            + " Never in a hall: events would go unrecorded")
    boolean benchmarkWithoutTrail() default false;
}
