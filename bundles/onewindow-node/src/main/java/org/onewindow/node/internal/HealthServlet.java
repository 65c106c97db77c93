package org.onewindow.node.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code GET /api/v1/health} for monitors, load balancers and scripts: {@code {"status":"UP"}} and nothing else, 200
 * while the node serves, 503 while it starts and while its database cannot be written. A servlet of its own at exactly
 * this path (it takes precedence over the REST servlet's {@code /api/*}), so that it answers from the moment Pax Web
 * serves, also when the REST base never comes up, as on a database that cannot be written: then it says so rather than
 * nothing. The details are for staff, {@code GET /api/v1/health/details}.
 */
@Component(service = Servlet.class, property = {
    "osgi.http.whiteboard.servlet.pattern=/api/v1/health",
    "osgi.http.whiteboard.servlet.name=onewindow-health"
})
public class HealthServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Reference
    transient NodeHealth health;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HealthReport report = health.check();
        answer(response, report.serving ? 200 : 503, "{\"status\":\"" + report.status + "\"}");
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws javax.servlet.ServletException, IOException {
        String method = request.getMethod();
        if ("GET".equals(method) || "HEAD".equals(method)) {
            super.service(request, response);
            return;
        }
        response.setHeader("Allow", "GET, HEAD");
        answer(response, 405, "{\"code\":\"METHOD_NOT_ALLOWED\",\"message\":\"此接口不支持该请求方法\"}");
    }

    private static void answer(HttpServletResponse response, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("application/json;charset=UTF-8");
        // the REST base's security headers, which this servlet is outside of
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        if (status == 503) {
            response.setHeader("Retry-After", "5");
        }
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
