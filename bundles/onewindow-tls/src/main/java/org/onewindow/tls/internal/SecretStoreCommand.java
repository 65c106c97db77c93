package org.onewindow.tls.internal;

import java.util.Arrays;
import java.util.Set;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.onewindow.security.Actor;
import org.onewindow.shell.ShellActor;
import org.onewindow.tls.Secrets;

/**
 * {@code onewindow:secret-store NAME}: reads a shared secret from the console without echo (twice) and keeps it in
 * the secrets keystore, printing the reference to put in the {@code etc/} file instead of the secret.
 */
@Command(scope = "onewindow", name = "secret-store", description = "Keeps a shared secret (typed without echo) in etc/onewindow/secrets.p12 and prints its reference")
@Service
public class SecretStoreCommand implements Action {
    static final String DEFAULT_KEYSTORE = "etc/onewindow/secrets.p12";

    @Reference
    Session session;

    @Option(name = "--keystore", description = "The keystore, relative to the appliance's home")
    String keystore = DEFAULT_KEYSTORE;

    @Argument(index = 0, name = "name", required = true, description = "The entry's alias, e.g. relay-GA or payment-gateway")
    String name;

    @Override
    public Object execute() throws Exception {
        ShellActor.of(session).requireAny(Set.of(Actor.ADMIN));
        String first = session.readLine("Secret for " + name + ": ", '*');
        String second = session.readLine("Again: ", '*');
        if (first == null || first.length() < 16 || !first.equals(second)) {
            System.out.println("Not stored: the two entries differ, or the secret is shorter than 16 characters.");
            return null;
        }
        char[] secret = first.toCharArray();
        try {
            new SecretKeystore(EdgeSettings.home().resolve(keystore)).store(name, secret);
        } finally {
            Arrays.fill(secret, '\0');
        }
        System.out.printf("Stored. Put this in place of the secret in the etc/ file:%n  secret = %s%s#%s%n", Secrets.KEYSTORE_PREFIX, keystore, name);
        return null;
    }
}
