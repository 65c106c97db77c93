package org.onewindow.tls.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "OneWindow TLS", description = "The appliance's certificate, HTTPS at the edge and the trust of outgoing links")
public @interface TlsConfig {
    String PID = "org.onewindow.tls";

    @AttributeDefinition(description = "Host names and addresses of the self-signed certificate made at the first start, comma-separated;"
            + " empty: this machine's host name, localhost and 127.0.0.1")
    String hostNames() default "";

    @AttributeDefinition(description = "PEM file of the CA certificates outgoing links trust (the city CA), relative to the appliance's home;"
            + " while it does not exist, the JDK's CAs")
    String trustStore() default "etc/onewindow/tls/city-ca.pem";

    @AttributeDefinition(description = "Plain HTTP: auto (served in demo mode, redirected to HTTPS in production), serve or redirect")
    String plainHttp() default "auto";

    @AttributeDefinition(description = "HSTS max-age in seconds, sent over HTTPS where plain HTTP redirects; 0 sends none")
    long hstsSeconds() default 31_536_000;
}
