package org.onewindow.db.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "OneWindow storage", description = "When the disk under data/onewindow is short of space, and how often the database is checked for writes")
@interface StorageConfig {
    String PID = "org.onewindow.storage";

    @AttributeDefinition(description = "Free space below which the node is DISK_LOW, in MiB; 0 leaves it to minFreePercent")
    long minFreeMegabytes() default 2048;

    @AttributeDefinition(description = "Free space below which the node is DISK_LOW, in percent of the disk; 0 leaves it to minFreeMegabytes."
            + " With both set the smaller of the two counts")
    int minFreePercent() default 5;

    @AttributeDefinition(description = "How long a write check of the database is taken as still true, in seconds")
    int probeSeconds() default 30;
}
