package org.onewindow.access.internal.users;

import java.util.Collection;
import java.util.function.Function;

import javax.security.auth.login.AppConfigurationEntry;

import org.apache.karaf.jaas.boot.ProxyLoginModule;
import org.apache.karaf.jaas.config.JaasRealm;
import org.apache.karaf.jaas.modules.BackingEngine;
import org.apache.karaf.jaas.modules.BackingEngineFactory;

/** The user store behind a JAAS realm (for the default realm, {@code etc/users.properties}), to list, add or change users. */
public final class UserStores {
    private UserStores() {
    }

    /** The store of the first login module of {@code realm} that one of {@code engines} manages, to read, or {@code null}. */
    public static BackingEngine of(String realm, Collection<JaasRealm> realms, Collection<BackingEngineFactory> engines) {
        AppConfigurationEntry entry = entry(realm, realms, engines);
        BackingEngineFactory factory = factory(entry, engines);
        return factory == null ? null : factory.build(entry.getOptions());
    }

    /**
     * Changes that store as one whole replacement of its file ({@link UsersFileChanges}); {@code null}
     * without calling {@code change} while the realm is not there.
     */
    public static <T> T change(String realm, Collection<JaasRealm> realms, Collection<BackingEngineFactory> engines,
            Function<BackingEngine, T> change) {
        AppConfigurationEntry entry = entry(realm, realms, engines);
        BackingEngineFactory factory = factory(entry, engines);
        return factory == null ? null : UsersFileChanges.change(factory, entry.getOptions(), change);
    }

    private static BackingEngineFactory factory(AppConfigurationEntry entry, Collection<BackingEngineFactory> engines) {
        if (entry == null) {
            return null;
        }
        Object module = entry.getOptions().get(ProxyLoginModule.PROPERTY_MODULE);
        return engines.stream().filter(f -> f.getModuleClass().equals(module)).findFirst().orElse(null);
    }

    /** The file of users of {@code realm}'s first properties login module ({@code users} option), or {@code null}. */
    public static String usersFile(String realm, Collection<JaasRealm> realms, Collection<BackingEngineFactory> engines) {
        AppConfigurationEntry entry = entry(realm, realms, engines);
        Object file = entry == null ? null : entry.getOptions().get("users");
        return file == null ? null : file.toString();
    }

    private static AppConfigurationEntry entry(String realm, Collection<JaasRealm> realms, Collection<BackingEngineFactory> engines) {
        for (JaasRealm r : realms) {
            if (!realm.equals(r.getName())) {
                continue;
            }
            for (AppConfigurationEntry entry : r.getEntries()) {
                Object module = entry.getOptions().get(ProxyLoginModule.PROPERTY_MODULE);
                if (engines.stream().anyMatch(f -> f.getModuleClass().equals(module))) {
                    return entry;
                }
            }
        }
        return null;
    }
}
