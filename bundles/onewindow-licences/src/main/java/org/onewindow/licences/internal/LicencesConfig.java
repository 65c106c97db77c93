package org.onewindow.licences.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "OneWindow licences", description = "The electronic licence library (电子证照库)")
@interface LicencesConfig {
    String PID = "org.onewindow.licences";

    @AttributeDefinition(description = "Time zone of the hall: which day it is, for validity")
    String zone() default "Asia/Shanghai";

    @AttributeDefinition(description = "Largest licence import accepted, in rows (one file is one transaction)")
    int maxImportRows() default 100_000;

    @AttributeDefinition(description = "Largest licence import request body, in bytes")
    long maxImportBytes() default 64L * 1024 * 1024;

    @AttributeDefinition(description = "How many of the latest reads a personal catalog shows")
    int recentAccessShown() default 20;
}
