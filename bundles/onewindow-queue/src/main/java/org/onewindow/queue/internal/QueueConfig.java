package org.onewindow.queue.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "OneWindow queue", description = "The hall's queue (排队叫号): tickets, calls and the hall screen")
@interface QueueConfig {
    String PID = "org.onewindow.queue";

    @AttributeDefinition(description = "Time zone of the hall: which day it is (numbers restart each day)")
    String zone() default "Asia/Shanghai";

    @AttributeDefinition(description = "Minutes a ticket takes at a window, for the wait told to a citizen until a day's own mean is known")
    int serviceMinutes() default 8;

    @AttributeDefinition(description = "Calls the hall screen shows, newest first")
    int boardCalls() default 8;

    @AttributeDefinition(description = "A group's longest wait, in minutes, from which the supervision board shows it yellow (open a window)")
    int yellowWaitMinutes() default 20;

    @AttributeDefinition(description = "A group's longest wait, in minutes, from which the supervision board shows it red")
    int redWaitMinutes() default 40;

    @AttributeDefinition(description = "无声叫号: a citizen who left a mobile is texted once when this many or fewer wait before them (0: no texts)")
    int turnTextAhead() default 3;

    @AttributeDefinition(description = "The notifier that sends those texts: an LDAP filter on Notifier services, such as (channel=file) or (channel=sms)")
    String notifier_target() default "(channel=file)";

    @AttributeDefinition(description = "How citizens' phones reach this hall, for the link in those texts to the number's page (empty: no link)")
    String publicBaseUrl() default "";

    @AttributeDefinition(description = "Seconds between two reads of the cases' moves, which end the service of the tickets served for them")
    int caseWatchSeconds() default 2;

    @AttributeDefinition(description = "Seconds between two journalings of today's figures for the city hub (a finished day is kept and journaled once)")
    int dayFiguresSeconds() default 300;
}
