package org.onewindow.rest.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "OneWindow REST API",
        description = "The console's sessions (logins themselves are checked by onewindow-access, etc/org.onewindow.access.cfg)")
@interface RestConfig {
    String PID = "org.onewindow.rest";

    @AttributeDefinition(description = "Minutes a console session lasts without a request")
    int sessionIdleMinutes() default 30;
}
