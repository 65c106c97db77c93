package org.onewindow.relay.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** One department's route: {@code etc/org.onewindow.relay.department-<code>.cfg}. */
@ObjectClassDefinition(name = "OneWindow department route", description = "How one department decides its cases")
@interface DepartmentConfig {
    String FACTORY_PID = "org.onewindow.relay.department";

    @AttributeDefinition(description = "The department code of the catalog, such as GA")
    String code();

    @AttributeDefinition(description = "local: this appliance's back office decides; remote: the department's own approval system;"
            + " city: another district's appliance, through the city hub (全市通办)")
    String mode() default "local";

    @AttributeDefinition(description = "For city: the code of the district whose back office (or relay) decides, such as 441303")
    String district() default "";

    @AttributeDefinition(description = "For remote: the base URL of the department's approval system (cases are POSTed to <url>/cases)")
    String url() default "";

    @AttributeDefinition(description = "For remote: the shared secret of the HMAC signatures, both ways; or a reference to it in a keystore,"
            + " keystore:etc/onewindow/secrets.p12#relay-<code> (onewindow:secret-store)", type = AttributeType.PASSWORD)
    String secret() default "";

    @AttributeDefinition(description = "For remote: the SHA-256 fingerprint of the department system's certificate, pinned;"
            + " empty: the trust store of etc/org.onewindow.tls.cfg (the city CA) vouches for it, host name included")
    String tlsPin() default "";

    @AttributeDefinition(description = "For remote: present this appliance's certificate to the department system (mutual TLS),"
            + " where the department asks for it")
    boolean clientCertificate() default false;

    @AttributeDefinition(description = "For remote: allow an http:// url (unverified, readable on the way): for a test only;"
            + " demo mode allows it too")
    boolean allowHttp() default false;

    @AttributeDefinition(description = "For remote: connection timeout in milliseconds")
    long connectTimeoutMillis() default 5000;

    @AttributeDefinition(description = "For remote: answer timeout in milliseconds")
    long receiveTimeoutMillis() default 30000;
}
