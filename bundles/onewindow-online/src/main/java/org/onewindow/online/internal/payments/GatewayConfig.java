package org.onewindow.online.internal.payments;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "OneWindow payment gateway (HTTP)", description = "The gateway speaking OneWindow's signed HTTP payment protocol")
@interface GatewayConfig {
    String PID = "org.onewindow.online.gateway";

    @AttributeDefinition(description = "The gateway's base URL (its cashier page is <url>/cashier)")
    String url() default "http://localhost:9600";

    @AttributeDefinition(description = "This hall's merchant number at the gateway")
    String merchant() default "OW441302";

    @AttributeDefinition(description = "The secret shared with the gateway (HMAC-SHA256), or a reference to it in a keystore,"
            + " keystore:etc/onewindow/secrets.p12#payment-gateway (onewindow:secret-store); none means no gateway", type = org.osgi.service.metatype.annotations.AttributeType.PASSWORD)
    String secret() default "";


    @AttributeDefinition(description = "The SHA-256 fingerprint of the gateway's certificate, pinned; empty: the trust store of"
            + " etc/org.onewindow.tls.cfg (the city CA) vouches for it, host name included")
    String tlsPin() default "";

    @AttributeDefinition(description = "Present this appliance's certificate (mutual TLS), where the gateway asks for it")
    boolean clientCertificate() default false;

    @AttributeDefinition(description = "Allow an http:// url (unverified, readable on the way): for a test only; demo mode allows it too")
    boolean allowHttp() default false;

    @AttributeDefinition(description = "Seconds to wait for the gateway's answer to a query")
    int timeoutSeconds() default 10;
}
