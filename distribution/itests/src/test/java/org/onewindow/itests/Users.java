package org.onewindow.itests;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** The appliance's staff accounts as the security administrator's API lists them. */
final class Users {

    private Users() {
    }

    /** {@code name}'s roles as the server holds them (sorted), or null while there is no such user. */
    static List<String> roles(Http http, String name) {
        for (JsonNode u : http.get("/users", "security").json()) {
            if (name.equals(u.path("name").asText())) {
                List<String> roles = new ArrayList<>();
                u.path("roles").forEach(r -> roles.add(r.asText()));
                return roles;
            }
        }
        return null;
    }
}
