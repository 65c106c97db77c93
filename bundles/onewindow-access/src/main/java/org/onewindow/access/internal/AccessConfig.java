package org.onewindow.access.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "OneWindow staff access",
        description = "Staff logins: realms, lock-outs, the password policy, second factors")
public @interface AccessConfig {
    String PID = "org.onewindow.access";

    @AttributeDefinition(description = "The JAAS realm of the staff (the console and the API); karaf = etc/users.properties")
    String realm() default "karaf";

    @AttributeDefinition(description = "The JAAS realm of the shell's operators (SSH), its own users file; name it as sshRealm in etc/org.apache.karaf.shell.cfg")
    String shellRealm() default "onewindow-shell";

    @AttributeDefinition(description = "The users file of the shell's realm, under etc/")
    String shellUsersFile() default "shell-users.properties";

    @AttributeDefinition(description = "Failures of one account from one client that lock that client out of that account")
    int maxFailedLogins() default 5;

    @AttributeDefinition(description = "Minutes a lock lasts after the last failure; also the window failures are counted in")
    int lockMinutes() default 15;

    @AttributeDefinition(description = "Failures of one account from all clients within the window that put it under attack: then one failure locks a client out of it")
    int accountAlarmFailures() default 20;

    @AttributeDefinition(description = "Failures of one client, whatever the accounts, before it must wait between tries (1 s, doubling)")
    int clientFreeFailures() default 20;

    @AttributeDefinition(description = "The longest wait of a client between tries, in seconds")
    int clientMaxDelaySeconds() default 60;

    @AttributeDefinition(description = "Least length of a staff password")
    int passwordMinLength() default 10;

    @AttributeDefinition(description = "Least number of character classes (upper case, lower case, digits, others) in a password")
    int passwordMinClasses() default 3;

    @AttributeDefinition(description = "The last passwords of an account that may not be used again")
    int passwordHistory() default 5;

    @AttributeDefinition(description = "Days after which a password must be changed; 0: never (not applied in demo mode)")
    int passwordMaxAgeDays() default 90;

    @AttributeDefinition(description = "Roles whose holders must log in with a second factor (TOTP), separated by commas")
    String secondFactorRoles() default "admin,security";

    @AttributeDefinition(description = "Whether those roles must enrol a second factor before they may work (demo mode only offers it)")
    boolean requireSecondFactor() default true;

    @AttributeDefinition(description = "Seconds an HTTP Basic login stays verified for the same credentials (0: every request hashes again)")
    int verifiedLoginSeconds() default 60;
}
