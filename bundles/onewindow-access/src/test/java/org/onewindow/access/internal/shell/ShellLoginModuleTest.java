package org.onewindow.access.internal.shell;

import static org.junit.Assert.assertEquals;

import javax.security.auth.Subject;

import org.apache.karaf.jaas.boot.principal.ClientPrincipal;
import org.junit.Test;

public class ShellLoginModuleTest {

    @Test
    public void theSshClientsAddressIsKeptWithoutItsPort() {
        assertEquals("127.0.0.1", ShellLoginModule.client(subject("/127.0.0.1:51234")));
        assertEquals("0:0:0:0:0:0:0:1", ShellLoginModule.client(subject("/[0:0:0:0:0:0:0:1]:51234")));
        assertEquals("10.0.0.9", ShellLoginModule.client(subject("hall-pc/10.0.0.9:2222")));
        assertEquals("local", ShellLoginModule.client(new Subject()));
        assertEquals("shell:operator", ShellLoginModule.key("operator"));
    }

    private static Subject subject(String address) {
        Subject s = new Subject();
        s.getPrincipals().add(new ClientPrincipal("ssh", address));
        return s;
    }
}
