package org.onewindow.online.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "OneWindow payment gateway (HTTP)", description = "The gateway speaking OneWindow's signed HTTP payment protocol")
@interface GatewayConfig {
    String PID = "org.onewindow.online.gateway";

    @AttributeDefinition(description = "The gateway's base URL (its cashier page is <url>/cashier)")
    String url() default "http://localhost:9600";

    @AttributeDefinition(description = "This hall's merchant number at the gateway")
    String merchant() default "OW441302";

    @AttributeDefinition(description = "The secret shared with the gateway (HMAC-SHA256); none means no gateway", type = org.osgi.service.metatype.annotations.AttributeType.PASSWORD)
    String secret() default "";

    @AttributeDefinition(description = "Seconds to wait for the gateway's answer to a query")
    int timeoutSeconds() default 10;
}
