package org.onewindow.console.internal;

import java.io.IOException;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;

/**
 * The appliance's address alone ({@code https://host/}) leads to the staff console, where a browser
 * typed at a hall's PC expects to land; before, it was a bare 404 of Jetty's. It is the default
 * servlet ({@code /}: Pax Web serves the specification's exact root pattern {@code ""} the same way),
 * so every other path no servlet or resource claims still gets the 404 it got before.
 */
@Component(service = Servlet.class, property = {
    "osgi.http.whiteboard.servlet.pattern=/",
    "osgi.http.whiteboard.servlet.name=onewindow-root"
})
public class RootRedirect extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!"/".equals(request.getRequestURI())) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setHeader("Cache-Control", "no-store");
        response.sendRedirect("/console/");
    }
}
