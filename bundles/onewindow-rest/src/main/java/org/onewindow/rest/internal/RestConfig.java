package org.onewindow.rest.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "OneWindow REST API",
        description = "How the REST API authenticates its callers")
@interface RestConfig {
    String PID = "org.onewindow.rest";

    @AttributeDefinition(description = "The JAAS realm users log in against")
    String realm() default "karaf";

    @AttributeDefinition(description = "Minutes a console session lasts without a request")
    int sessionIdleMinutes() default 30;

    @AttributeDefinition(description = "Failed logins in a row that lock an account (console and HTTP Basic alike)")
    int maxFailedLogins() default 5;

    @AttributeDefinition(description = "Minutes an account stays locked after the last failed login")
    int lockMinutes() default 15;
}
