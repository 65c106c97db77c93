package org.onewindow.console.internal;

import org.osgi.service.component.annotations.Component;

/**
 * Serves the console ({@code /console/}) from this bundle's {@code web/console} folder through the
 * HTTP Whiteboard: scripts, styles, messages and the chart library are all inside, so the pages
 * work with no internet.
 */
@Component(service = ConsolePages.class, property = {
    "osgi.http.whiteboard.resource.pattern=/console/*",
    "osgi.http.whiteboard.resource.prefix=/web/console"
})
public class ConsolePages {
}
