package org.onewindow.console.internal;

import org.osgi.service.component.annotations.Component;

/**
 * Serves the citizens' online pages ({@code /online/}, 网上办事) from this bundle's {@code web/online}
 * folder. They talk to {@code /api/v1/public/online}; while the online feature is not installed that
 * answers 404 and the pages say the service is not open, so they need no reference to it here.
 */
@Component(service = OnlinePages.class, property = {
    "osgi.http.whiteboard.resource.pattern=/online/*",
    "osgi.http.whiteboard.resource.prefix=/web/online"
})
public class OnlinePages {
}
