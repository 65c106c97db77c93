package org.onewindow.console.internal;

import org.osgi.service.component.annotations.Component;

/** Serves the hall screen ({@code /display/}: the calls, for the hall's TV) from this bundle's {@code web/display} folder. */
@Component(service = DisplayPages.class, property = {
    "osgi.http.whiteboard.resource.pattern=/display/*",
    "osgi.http.whiteboard.resource.prefix=/web/display"
})
public class DisplayPages {
}
