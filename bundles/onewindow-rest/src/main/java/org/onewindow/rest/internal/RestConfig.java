package org.onewindow.rest.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "OneWindow REST API",
        description = "How the REST API authenticates its callers")
@interface RestConfig {
    String PID = "org.onewindow.rest";

    @AttributeDefinition(description = "The JAAS realm users log in against")
    String realm() default "karaf";
}
