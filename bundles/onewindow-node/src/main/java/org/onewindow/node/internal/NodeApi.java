package org.onewindow.node.internal;

import java.util.List;

import org.apache.karaf.jaas.config.JaasRealm;
import org.apache.karaf.jaas.modules.BackingEngineFactory;
import org.onewindow.node.NodeService;
import org.onewindow.rest.RestPublisher;
import org.onewindow.rest.RestPublisher.Publication;
import org.onewindow.security.LoginLocks;
import org.onewindow.security.UserStores;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/** Publishes {@link NodeResource} at {@code /api/v1} and the users' administration at {@code /api/v1/users}. */
@Component(immediate = true)
public class NodeApi {

    @Reference
    RestPublisher publisher;

    @Reference
    NodeService node;

    @Reference(cardinality = ReferenceCardinality.AT_LEAST_ONE, policyOption = ReferencePolicyOption.GREEDY)
    List<JaasRealm> realms;

    @Reference(cardinality = ReferenceCardinality.AT_LEAST_ONE, policyOption = ReferencePolicyOption.GREEDY)
    List<BackingEngineFactory> engines;

    /** The REST base's lock-out, to show and open locked accounts. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile LoginLocks locks;

    private Publication publication;
    private Publication users;

    @Activate
    void activate() {
        publication = publisher.publish("/v1", new NodeResource(node));
        users = publisher.publish("/v1/users", new UserResource(new UserAdmin(() -> UserStores.of(DemoUsers.REALM, realms, engines), () -> locks)));
    }

    @Deactivate
    void deactivate() {
        users.close();
        publication.close();
    }
}
