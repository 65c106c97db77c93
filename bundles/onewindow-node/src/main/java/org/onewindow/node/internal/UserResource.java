package org.onewindow.node.internal;

import java.util.List;
import java.util.Map;

import javax.annotation.security.RolesAllowed;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.onewindow.node.internal.UserAdmin.UserDTO;
import org.onewindow.rest.Caller;

/** {@code /api/v1/users}: the appliance's users and their roles, for administrators. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class UserResource {
    private final UserAdmin users;

    UserResource(UserAdmin users) {
        this.users = users;
    }

    @GET
    public List<UserDTO> list() {
        return users.list();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(UserDTO request, @Context SecurityContext caller) {
        return Response.status(Response.Status.CREATED).entity(users.create(request, Caller.name(caller))).build();
    }

    /** Body {@code {"roles": ["clerk", "dept-GA"]}}. */
    @PUT
    @Path("{name}/roles")
    @Consumes(MediaType.APPLICATION_JSON)
    public UserDTO roles(@PathParam("name") String name, UserDTO request, @Context SecurityContext caller) {
        return users.setRoles(name, request == null ? null : request.roles, Caller.name(caller));
    }

    /** Body {@code {"password": "..."}}. */
    @PUT
    @Path("{name}/password")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response password(@PathParam("name") String name, Map<String, String> request, @Context SecurityContext caller) {
        users.setPassword(name, request == null ? null : request.get("password"), Caller.name(caller));
        return Response.noContent().build();
    }

    /** Opens an account locked after repeated failed logins. */
    @DELETE
    @Path("{name}/lock")
    public Response unlock(@PathParam("name") String name, @Context SecurityContext caller) {
        users.unlock(name, Caller.name(caller));
        return Response.noContent().build();
    }

    @DELETE
    @Path("{name}")
    public Response delete(@PathParam("name") String name, @Context SecurityContext caller) {
        users.delete(name, Caller.name(caller));
        return Response.noContent().build();
    }
}
