package org.onewindow.replication.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "OneWindow replication", description = "Ships this district's change journal to the city hub")
@interface ReplicationConfig {
    String PID = "org.onewindow.replication";

    @AttributeDefinition(description = "The signature scheme of the key pair this district makes when it registers: Ed25519 or ECDSA-P256")
    String signatureAlgorithm() default "Ed25519";

    @AttributeDefinition(description = "How often the journal is looked at after a batch was shipped, in milliseconds")
    long pollMillis() default 200;

    @AttributeDefinition(description = "The longest wait between looks at a journal with nothing to ship, in milliseconds: the wait doubles from"
            + " pollMillis while nothing comes, so that an idle district costs little and the first record after a quiet spell waits at most this long")
    long idlePollMaxMillis() default 2000;

    @AttributeDefinition(description = "Records per batch; a full batch is followed by the next at once (the backlog drains oldest first)")
    int batchSize() default 500;

    @AttributeDefinition(description = "Wait before the first retry after a failure, in milliseconds; doubled at each failure, with jitter")
    long backoffBaseMillis() default 1000;

    @AttributeDefinition(description = "Longest wait between retries, in milliseconds")
    long backoffMaxMillis() default 10000;

    @AttributeDefinition(description = "A batch is sent at least this often even when empty, in seconds, so the hub sees the district alive")
    long heartbeatSeconds() default 30;

    @AttributeDefinition(description = "Records the hub has acknowledged are deleted from the journal after this many days (0: kept for ever)")
    int journalRetentionDays() default 30;

    @AttributeDefinition(description = "How often the city's catalog is pulled from the hub, in minutes (0: only on demand)")
    long catalogPullMinutes() default 60;

    @AttributeDefinition(description = "Allow a hub URL of plain http:// (unverified, readable on the way): for a test only; demo mode allows it too")
    boolean allowHttp() default false;

    @AttributeDefinition(description = "At each start new cases wait until the hub has confirmed that this journal continues the one it holds"
            + " (so that a data/ restored from an older copy issues no case number twice), at most this many seconds when the hub does not"
            + " answer; 0: never wait (a restored copy may then issue numbers again until the hub is reached)")
    int hubCheckSeconds() default 30;

    @AttributeDefinition(description = "Records per page taken back from the hub when a restored district reconciles")
    int reconciliationPageSize() default 500;

    @AttributeDefinition(description = "Connection timeout to the hub, in milliseconds")
    int connectTimeoutMillis() default 5000;

    @AttributeDefinition(description = "Time the hub may take to answer, in milliseconds")
    int receiveTimeoutMillis() default 60000;
}
