package org.onewindow.rest;

import static org.junit.Assert.assertEquals;

import java.lang.reflect.Proxy;
import java.net.URI;

import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.UriInfo;

import org.junit.Test;

public class SecureCookiesTest {

    @Test
    public void secureOverHttpsAndBehindAProxyThatSaysHttps() {
        assertEquals("; Secure", SecureCookies.attribute(uri("https://hall:8443/api/"), headers(null)));
        assertEquals("; Secure", SecureCookies.attribute(uri("http://hall:8181/api/"), headers("https")));
        assertEquals("; Secure", SecureCookies.attribute(uri("http://hall:8181/api/"), headers("HTTPS, http")));
        assertEquals("", SecureCookies.attribute(uri("http://hall:8181/api/"), headers("http")));
        assertEquals("", SecureCookies.attribute(uri("http://hall:8181/api/"), headers(null)));
    }

    private static UriInfo uri(String base) {
        return (UriInfo) Proxy.newProxyInstance(UriInfo.class.getClassLoader(), new Class<?>[] {UriInfo.class},
                (p, m, a) -> "getBaseUri".equals(m.getName()) ? URI.create(base) : null);
    }

    private static HttpHeaders headers(String forwardedProto) {
        return (HttpHeaders) Proxy.newProxyInstance(HttpHeaders.class.getClassLoader(), new Class<?>[] {HttpHeaders.class},
                (p, m, a) -> "getHeaderString".equals(m.getName()) && "X-Forwarded-Proto".equals(a[0]) ? forwardedProto : null);
    }
}
