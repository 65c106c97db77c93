package org.onewindow.security;

import java.util.Collection;

import javax.security.auth.login.AppConfigurationEntry;

import org.apache.karaf.jaas.boot.ProxyLoginModule;
import org.apache.karaf.jaas.config.JaasRealm;
import org.apache.karaf.jaas.modules.BackingEngine;
import org.apache.karaf.jaas.modules.BackingEngineFactory;

/** The user store behind a JAAS realm (for the default realm, {@code etc/users.properties}), to list or add users. */
public final class UserStores {
    private UserStores() {
    }

    /** The store of the first login module of {@code realm} that one of {@code engines} manages, or {@code null}. */
    public static BackingEngine of(String realm, Collection<JaasRealm> realms, Collection<BackingEngineFactory> engines) {
        for (JaasRealm r : realms) {
            if (!realm.equals(r.getName())) {
                continue;
            }
            for (AppConfigurationEntry entry : r.getEntries()) {
                Object module = entry.getOptions().get(ProxyLoginModule.PROPERTY_MODULE);
                for (BackingEngineFactory factory : engines) {
                    if (factory.getModuleClass().equals(module)) {
                        return factory.build(entry.getOptions());
                    }
                }
            }
        }
        return null;
    }
}
