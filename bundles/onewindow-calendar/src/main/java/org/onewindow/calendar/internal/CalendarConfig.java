package org.onewindow.calendar.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "OneWindow working-day calendar",
        description = "Where the official holiday schedules (<year>.json) are read from, and how often they are looked at again")
@interface CalendarConfig {
    String PID = "org.onewindow.calendar";

    @AttributeDefinition(description = "Folder of the <year>.json schedules; empty means etc/onewindow/calendar of the appliance")
    String directory() default "";

    @AttributeDefinition(description = "How often the folder is checked for added, changed or removed files, in seconds;"
            + " 0 reads it only at start")
    int reloadSeconds() default 60;
}
