package org.onewindow.online.internal.realname;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "OneWindow real-name verification (HTTP)",
        description = "The real-name verification service (实名核验) speaking OneWindow's signed HTTP protocol")
@interface RealNameConfig {
    String PID = "org.onewindow.online.realname";

    @AttributeDefinition(description = "The service's base URL (it is asked at <url>/v1/verifications); none means the path is not offered")
    String url() default "";

    @AttributeDefinition(description = "This hall's application id at the service")
    String appId() default "OW441302";

    @AttributeDefinition(description = "The service's public key (Ed25519, PEM file); relative to the appliance's folder")
    String platformKey() default "etc/onewindow/realname-platform.pem";

    @AttributeDefinition(description = "Seconds to wait for the service's answer")
    int timeoutSeconds() default 10;

    @AttributeDefinition(description = "The SHA-256 fingerprint of the real-name service's certificate, pinned; empty: the trust store of"
            + " etc/org.onewindow.tls.cfg (the city CA) vouches for it, host name included")
    String tlsPin() default "";

    @AttributeDefinition(description = "Present this appliance's certificate (mutual TLS), where the service asks for it")
    boolean clientCertificate() default false;

    @AttributeDefinition(description = "Allow an http:// url (unverified, readable on the way): for a test only; demo mode allows it too")
    boolean allowHttp() default false;
}
