package org.keywarden.identity.boundary;

import org.keywarden.platform.boundary.ClientAddress;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.json.JsonObject;
import java.io.InputStream;
import java.util.List;
import org.keywarden.audit.entity.AuditSource;
import org.keywarden.identity.control.ManageUsers;
import org.keywarden.identity.control.UserView;
import org.keywarden.platform.boundary.JsonBodies;
import org.keywarden.platform.boundary.ProblemException;
import org.keywarden.platform.boundary.RequestFields;

/**
 * {@code /api/v1/admin/users} (administrators): list, create and change users of the built-in store.
 * The rules (names, passwords, roles, the last administrator) are {@link ManageUsers}'s.
 */
@Path("/v1/admin/users")
@RequestScoped
public class UsersResource {

    @Inject
    ManageUsers users;

    @Context
    HttpServletRequest servletRequest;

    /** The users; never a password or its hash. */
    public record UsersResponse(List<UserView> users) {
    }

    /** A created user. */
    public record CreatedUser(String username, List<String> roles) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public UsersResponse list() {
        return new UsersResponse(users.list());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(InputStream body) {
        RequestFields fields = new RequestFields(JsonBodies.readObject(body));
        String username = fields.identifier("username", true, 1000);
        String password = fields.text("password", true, 100_000);
        List<String> roles = fields.texts("roles", 10, 64);
        fields.throwIfInvalid();
        UserView created = users.create(username, password, roles == null ? List.of() : roles,
                AuditSource.API, ClientAddress.of(servletRequest));
        return Response.status(Response.Status.CREATED).entity(new CreatedUser(created.username(), created.roles()))
                .build();
    }

    @PUT
    @Path("/{username}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public UserView update(@PathParam("username") String username, InputStream body) {
        JsonObject json = JsonBodies.readObject(body);
        RequestFields fields = new RequestFields(json);
        List<String> given = fields.texts("roles", 10, 64);
        List<String> roles = json.containsKey("roles") ? given : null;
        Boolean disabled = fields.optionalFlag("disabled");
        String password = fields.text("password", false, 100_000);
        fields.throwIfInvalid();
        return users.update(username, roles, disabled, password, AuditSource.API, ClientAddress.of(servletRequest))
                .orElseThrow(() -> new ProblemException(404, "Not Found", "No such user"));
    }
}
