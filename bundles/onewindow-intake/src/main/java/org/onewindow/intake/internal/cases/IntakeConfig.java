package org.onewindow.intake.internal.cases;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "OneWindow intake", description = "The comprehensive window")
public @interface IntakeConfig {
    String PID = "org.onewindow.intake";

    @AttributeDefinition(description = "Time zone of the hall: the day in case numbers and visits")
    String zone() default "Asia/Shanghai";

    @AttributeDefinition(description = "Days a material handed in for a case may be reused for the same applicant's later cases")
    int materialReuseDays() default 180;
}
