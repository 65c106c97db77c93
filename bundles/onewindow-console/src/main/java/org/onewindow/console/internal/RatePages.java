package org.onewindow.console.internal;

import org.osgi.service.component.annotations.Component;

/**
 * Serves the rating pages ({@code /rate/}: the window's rating pad, {@code link.html} for a text's one-time link and
 * {@code public.html}, 公开评价 for the hall's TV; no login) from this bundle's {@code web/rate} folder.
 */
@Component(service = RatePages.class, property = {
    "osgi.http.whiteboard.resource.pattern=/rate/*",
    "osgi.http.whiteboard.resource.prefix=/web/rate"
})
public class RatePages {
}
