package org.onewindow.access.internal.shell;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.Properties;

import org.apache.karaf.jaas.config.JaasRealm;
import org.apache.karaf.jaas.config.impl.Config;
import org.apache.karaf.jaas.config.impl.Module;
import org.onewindow.access.internal.login.JaasStaffLogins;
import org.onewindow.access.internal.users.SecretFiles;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shell's own JAAS realm (named as {@code sshRealm} in {@code etc/org.apache.karaf.shell.cfg}): its
 * operators are kept in a users file of their own ({@code etc/shell-users.properties}, hashed as
 * {@code users.properties} is), so that no web login opens the shell, and their Karaf roles
 * ({@code ssh}, {@code admin}, ...) mean nothing on the web. Its first module applies the web logins'
 * lock-out ({@link ShellLoginModule}), its second is Karaf's properties module.
 */
@Component(immediate = true)
public class ShellRealm {
    private static final Logger LOG = LoggerFactory.getLogger(ShellRealm.class);
    private static final String KARAF_JAAS = "org.apache.karaf.jaas";

    @Reference
    JaasStaffLogins access;

    @Reference
    ConfigurationAdmin configurations;

    private ServiceRegistration<JaasRealm> registration;

    @Activate
    void activate(BundleContext context) throws IOException {
        String file = usersFile(access.config().shellUsersFile());
        SecretFiles.ownerOnly(file);

        Module guard = new Module();
        guard.setClassName(ShellLoginModule.class.getName());
        guard.setFlags("requisite");
        Properties guardOptions = new Properties();
        guardOptions.put(ShellLoginModule.ACCESS, access);
        guard.setOptions(guardOptions);

        Module passwords = new Module();
        passwords.setClassName("org.apache.karaf.jaas.modules.properties.PropertiesLoginModule");
        passwords.setFlags("required");
        Properties options = encryption();
        options.put("users", file);
        options.put("detailed.login.exception", "false");
        passwords.setOptions(options);

        Config realm = new Config();
        realm.setBundleContext(context);
        realm.setName(access.config().shellRealm());
        realm.setRank(0);
        realm.setModules(new Module[] {guard, passwords});
        registration = context.registerService(JaasRealm.class, realm, null);
        LOG.info("Shell realm {} registered (users in {})", realm.getName(), Path.of(file).getFileName());
    }

    @Deactivate
    void deactivate() {
        registration.unregister();
    }

    /** The web realm's password hashing ({@code encryption.*} of {@code etc/org.apache.karaf.jaas.cfg}), for the same hashes here. */
    private Properties encryption() throws IOException {
        Properties out = new Properties();
        Configuration c = configurations.getConfiguration(KARAF_JAAS, null);
        Dictionary<String, Object> props = c.getProperties();
        if (props != null) {
            for (Enumeration<String> keys = props.keys(); keys.hasMoreElements();) {
                String key = keys.nextElement();
                if (key.startsWith("encryption.")) {
                    out.put(key, String.valueOf(props.get(key)));
                }
            }
        }
        return out;
    }

    static String usersFile(String name) {
        String etc = System.getProperty("karaf.etc", "etc");
        return Path.of(etc).resolve(name).toAbsolutePath().toString();
    }
}
