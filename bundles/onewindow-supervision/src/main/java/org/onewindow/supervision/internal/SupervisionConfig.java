package org.onewindow.supervision.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "OneWindow supervision", description = "Yellow and red cards of open cases")
@interface SupervisionConfig {
    String PID = "org.onewindow.supervision";

    @AttributeDefinition(description = "Seconds between supervision runs; 0 stops the job (runs then only by hand)")
    long intervalSeconds() default 60;

    @AttributeDefinition(description = "Yellow when at most this many working days are left")
    int yellowWorkingDays() default 1;

    @AttributeDefinition(description = "Yellow when at least this share of the allowed working days is used")
    double yellowShare() default 0.8;

    @AttributeDefinition(description = "Time zone of the hall: which day it is")
    String zone() default "Asia/Shanghai";

    @AttributeDefinition(description = "Violations shown on the board (the most recent)")
    int violationsShown() default 200;
}
