package org.onewindow.access.internal.users;

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

import org.onewindow.access.internal.users.UserAdmin.UserDTO;
import org.onewindow.rest.Caller;

/** {@code /api/v1/users}: the appliance's users and their roles, for the security administrator (安全管理员). */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("security")
public class UserResource {
    private final UserAdmin users;

    public UserResource(UserAdmin users) {
        this.users = users;
    }

    @GET
    public List<UserDTO> list() {
        return users.list();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(UserDTO request, @Context SecurityContext caller) {
        return Response.status(Response.Status.CREATED).entity(users.create(request, Caller.actor(caller))).build();
    }

    /** Body {@code {"roles": ["clerk", "dept-GA"]}}. */
    @PUT
    @Path("{name}/roles")
    @Consumes(MediaType.APPLICATION_JSON)
    public UserDTO roles(@PathParam("name") String name, UserDTO request, @Context SecurityContext caller) {
        return users.setRoles(name, request == null ? null : request.roles, Caller.actor(caller));
    }

    /** Body {@code {"password": "..."}}: the owner must change it at the next login. */
    @PUT
    @Path("{name}/password")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response password(@PathParam("name") String name, Map<String, String> request, @Context SecurityContext caller) {
        users.setPassword(name, request == null ? null : request.get("password"), Caller.actor(caller));
        return Response.noContent().build();
    }

    /** Opens an account locked after repeated failed logins, for every client. */
    @DELETE
    @Path("{name}/lock")
    public Response unlock(@PathParam("name") String name, @Context SecurityContext caller) {
        users.unlock(name, Caller.actor(caller));
        return Response.noContent().build();
    }

    /** Removes the account's second factor (a lost phone); the owner enrols a new one at the next login. */
    @DELETE
    @Path("{name}/second-factor")
    public Response resetSecondFactor(@PathParam("name") String name, @Context SecurityContext caller) {
        users.resetSecondFactor(name, Caller.actor(caller));
        return Response.noContent().build();
    }

    @DELETE
    @Path("{name}")
    public Response delete(@PathParam("name") String name, @Context SecurityContext caller) {
        users.delete(name, Caller.actor(caller));
        return Response.noContent().build();
    }
}
