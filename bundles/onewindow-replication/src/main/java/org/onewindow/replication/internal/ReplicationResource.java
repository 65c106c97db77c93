package org.onewindow.replication.internal;

import java.io.InputStream;
import java.util.Map;
import java.util.function.Supplier;

import javax.annotation.security.RolesAllowed;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.onewindow.problem.Problem;
import org.onewindow.problem.ProblemKind;
import org.onewindow.replication.CatalogPullDTO;
import org.onewindow.replication.LinkStatusDTO;
import org.onewindow.rest.Caller;
import org.onewindow.rest.Json;
import org.onewindow.rest.RequestBodies;

import com.fasterxml.jackson.core.type.TypeReference;

/** {@code /api/v1/replication}: this district's link to the city hub. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"supervisor", "admin"})
public class ReplicationResource {
    private static final TypeReference<Map<String, String>> FIELDS = new TypeReference<>() {
    };
    private final ReplicationShipper shipper;
    private final Supplier<CityCatalogPull> catalogPull;

    ReplicationResource(ReplicationShipper shipper, Supplier<CityCatalogPull> catalogPull) {
        this.shipper = shipper;
        this.catalogPull = catalogPull;
    }

    @GET
    public LinkStatusDTO status() {
        return shipper.link();
    }

    /**
     * Body {@code {"hubUrl": "https://hub.example:8443"}}, with {@code "enrolmentCode"} where the hub asks for one and
     * {@code "hubFingerprint"}, the SHA-256 of the hub's certificate district IT confirmed (without it: 409
     * {@code HUB_CERTIFICATE_UNCONFIRMED}, whose details name the certificate the hub presents).
     */
    @POST
    @Path("registration")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    public LinkStatusDTO register(InputStream body, @Context SecurityContext caller) {
        Map<String, String> fields = Json.read(RequestBodies.read(body, 4096), FIELDS);
        return shipper.register(fields == null ? null : fields.get("hubUrl"), fields == null ? null : fields.get("enrolmentCode"),
                fields == null ? null : fields.get("hubFingerprint"), Caller.actor(caller));
    }

    /** Body {@code {"fingerprint": "AB:CD:…"}}: pins the hub's renewed certificate, if the hub presents exactly it now. */
    @PUT
    @Path("hub-certificate")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    public LinkStatusDTO pinHub(InputStream body, @Context SecurityContext caller) {
        Map<String, String> fields = Json.read(RequestBodies.read(body, 4096), FIELDS);
        return shipper.pinHub(fields == null ? null : fields.get("fingerprint"), Caller.actor(caller));
    }

    /** Pulls the city's catalog now; the last pull's outcome at {@code GET}. */
    @POST
    @Path("catalog-pull")
    @RolesAllowed("admin")
    public CatalogPullDTO pullCatalog(@Context SecurityContext caller) {
        return pull().pull(Caller.actor(caller));
    }

    @GET
    @Path("catalog-pull")
    public CatalogPullDTO lastCatalogPull() {
        CatalogPullDTO last = pull().last();
        if (last == null) {
            throw Problem.notFound("NO_CATALOG_PULL", "本节点启动以来尚未拉取全市事项目录");
        }
        return last;
    }

    private CityCatalogPull pull() {
        CityCatalogPull pull = catalogPull.get();
        if (pull == null) {
            throw new Problem(ProblemKind.UNAVAILABLE, "CATALOG_UNAVAILABLE", "本节点未安装事项目录，不能拉取全市事项目录");
        }
        return pull;
    }
}
