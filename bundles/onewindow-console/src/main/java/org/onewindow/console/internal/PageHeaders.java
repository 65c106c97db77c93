package org.onewindow.console.internal;

import java.io.IOException;

import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.onewindow.rest.ContentSecurity;
import org.osgi.service.component.annotations.Component;

/**
 * The pages' security headers: a content security policy without inline scripts or styles and
 * without framing, no content sniffing, no referrer. Also turns {@code /console/}, {@code /kiosk/},
 * {@code /online/}, {@code /display/} and {@code /rate/} into their {@code index.html}.
 */
@Component(service = Filter.class, property = {
    "osgi.http.whiteboard.filter.pattern=/console/*",
    "osgi.http.whiteboard.filter.pattern=/kiosk/*",
    "osgi.http.whiteboard.filter.pattern=/online/*",
    "osgi.http.whiteboard.filter.pattern=/display/*",
    "osgi.http.whiteboard.filter.pattern=/rate/*",
    "osgi.http.whiteboard.filter.name=onewindow-page-headers"
})
public class PageHeaders implements Filter {
    /** The same policy as the printable papers under {@code /api} carry. */
    static final String POLICY = ContentSecurity.POLICY;
    /** The pages' roots, each served as its {@code index.html}. */
    private static final java.util.Set<String> PAGES = java.util.Set.of("/console", "/kiosk", "/online", "/display", "/rate");

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        response.setHeader("Content-Security-Policy", POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (PAGES.contains(path)) {
            response.sendRedirect(request.getContextPath() + path + "/");
            return;
        }
        if (path.endsWith("/") && PAGES.contains(path.substring(0, path.length() - 1))) {
            response.setHeader("Cache-Control", "no-cache");
            request.getRequestDispatcher(path + "index.html").forward(request, response);
            return;
        }
        chain.doFilter(request, response);
    }
}
