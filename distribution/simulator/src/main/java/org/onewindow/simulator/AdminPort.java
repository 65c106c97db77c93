package org.onewindow.simulator;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;

/**
 * The admin port, which never goes down: {@code /admin/health}, {@code /admin/stats}, {@code /admin/config} (the
 * {@link Switches}), {@code /admin/reset} and {@code /admin/decide}, each the simulator's own method over HTTP.
 */
final class AdminPort {
    private final DepartmentSimulator simulator;
    private final Json json = new Json();
    private final EventLog log;
    private final Replies replies;

    AdminPort(DepartmentSimulator simulator, EventLog log, Replies replies) {
        this.simulator = simulator;
        this.log = log;
        this.replies = replies;
    }

    void handle(HttpExchange ex) {
        try {
            String path = ex.getRequestURI().getPath();
            String method = ex.getRequestMethod();
            byte[] body = Exchanges.readBody(ex, DeliveryIntake.MAX_BODY);
            if (body == null) {
                replies.error(ex, 413, "PAYLOAD_TOO_LARGE", "too large");
                return;
            }
            switch (path) {
                case "/admin/health":
                    Map<String, Object> health = new LinkedHashMap<>();
                    health.put("up", true);
                    health.put("department", simulator.department());
                    health.put("port", simulator.port());
                    health.put("adminPort", simulator.adminPort());
                    health.put("down", simulator.switches().down());
                    health.put("pid", ProcessHandle.current().pid());
                    replies.json(ex, 200, health);
                    return;
                case "/admin/stats":
                    String query = ex.getRequestURI().getQuery();
                    boolean withCases = query == null || !query.contains("cases=false");
                    replies.json(ex, 200, simulator.stats(withCases));
                    return;
                case "/admin/config":
                    if ("POST".equals(method) || "PUT".equals(method)) {
                        Map<String, Object> changes = json.mapper().readValue(Exchanges.orEmpty(body),
                                new TypeReference<Map<String, Object>>() { });
                        replies.json(ex, 200, simulator.configure(changes == null ? Map.of() : changes));
                    } else {
                        replies.json(ex, 200, simulator.switches().toMap());
                    }
                    return;
                case "/admin/reset":
                    if (!"POST".equals(method)) {
                        replies.error(ex, 405, "METHOD_NOT_ALLOWED", "POST /admin/reset");
                        return;
                    }
                    simulator.reset();
                    replies.json(ex, 200, simulator.stats(true));
                    return;
                case "/admin/decide":
                    if (!"POST".equals(method)) {
                        replies.error(ex, 405, "METHOD_NOT_ALLOWED", "POST /admin/decide");
                        return;
                    }
                    JsonNode d = json.tree(body);
                    List<String> materials = null;
                    if (d.has("materials")) {
                        materials = new ArrayList<>();
                        for (JsonNode m : d.path("materials")) {
                            materials.add(m.asText());
                        }
                    }
                    Map<String, Object> decided = simulator.decideNow(Json.text(d, "caseNo"), Json.text(d, "decision"), materials);
                    if (decided == null) {
                        replies.error(ex, 404, "CASE_NOT_FOUND", "no case " + Json.text(d, "caseNo") + " is held");
                    } else {
                        replies.json(ex, 200, decided);
                    }
                    return;
                default:
                    replies.error(ex, 404, "NOT_FOUND", "the admin resources are /admin/health, /admin/stats, /admin/config,"
                            + " /admin/reset and /admin/decide");
            }
        } catch (IllegalArgumentException | IOException e) {
            try {
                replies.error(ex, 400, "BAD_REQUEST", EventLog.oneLine(e));
            } catch (IOException ignored) {
                // gone
            }
        } catch (RuntimeException e) {
            log.event("ERROR", "path", ex.getRequestURI().getPath(), "error", EventLog.oneLine(e));
            try {
                replies.error(ex, 500, "INTERNAL", EventLog.oneLine(e));
            } catch (IOException ignored) {
                // gone
            }
        } finally {
            ex.close();
        }
    }
}
