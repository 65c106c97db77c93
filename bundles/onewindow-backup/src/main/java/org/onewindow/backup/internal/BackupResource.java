package org.onewindow.backup.internal;

import javax.annotation.security.RolesAllowed;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.onewindow.rest.Caller;

/** {@code /api/v1/backups}: the system administrator makes a backup now, and lists them. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class BackupResource {
    private final BackupService backups;

    BackupResource(BackupService backups) {
        this.backups = backups;
    }

    /** Makes a backup now and answers it (201); 409 {@code BACKUP_RUNNING} while another one is being made. */
    @POST
    public Response make(@Context SecurityContext caller) {
        BackupDTO made = backups.backup(Caller.actor(caller));
        return Response.status(Response.Status.CREATED).entity(made).build();
    }

    @GET
    public BackupsDTO list(@Context SecurityContext caller) {
        return backups.list(Caller.actor(caller));
    }
}
