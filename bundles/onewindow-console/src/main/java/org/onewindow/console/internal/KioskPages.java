package org.onewindow.console.internal;

import org.osgi.service.component.annotations.Component;

/** Serves the self-service kiosk ({@code /kiosk/}) from this bundle's {@code web/kiosk} folder. */
@Component(service = KioskPages.class, property = {
    "osgi.http.whiteboard.resource.pattern=/kiosk/*",
    "osgi.http.whiteboard.resource.prefix=/web/kiosk"
})
public class KioskPages {
}
