package org.onewindow.access.internal;

import org.onewindow.access.internal.account.AccountResource;
import org.onewindow.access.internal.account.Accounts;
import org.onewindow.access.internal.events.AccessEventResource;
import org.onewindow.access.internal.login.JaasStaffLogins;
import org.onewindow.access.internal.users.SecretFiles;
import org.onewindow.access.internal.users.UserAdmin;
import org.onewindow.access.internal.users.UserResource;
import org.onewindow.rest.RestPublisher;
import org.onewindow.rest.RestPublisher.Publication;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Publishes staff access: {@code /api/v1/users} (the security administrator), {@code /api/v1/account}
 * (everyone's own), {@code /api/v1/access/events} (the auditor). Narrows {@code users.properties} to
 * the appliance's user at every start.
 */
@Component(immediate = true)
public class AccessApi {

    @Reference
    RestPublisher publisher;

    @Reference
    JaasStaffLogins access;

    private Publication users;
    private Publication account;
    private Publication events;

    @Activate
    void activate() {
        SecretFiles.ownerOnly(access.usersFile());
        users = publisher.publish("/v1/users", new UserResource(new UserAdmin(access)));
        account = publisher.publish("/v1/account", new AccountResource(new Accounts(access)));
        events = publisher.publish("/v1/access", new AccessEventResource(access.events()));
    }

    @Deactivate
    void deactivate() {
        events.close();
        account.close();
        users.close();
    }
}
