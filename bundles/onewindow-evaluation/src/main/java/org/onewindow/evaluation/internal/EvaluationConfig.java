package org.onewindow.evaluation.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "OneWindow evaluation", description = "好差评: ratings, rectification of bad ratings, invitations")
public @interface EvaluationConfig {
    String PID = "org.onewindow.evaluation";

    @AttributeDefinition(description = "Time zone of the hall: which day a service and a rating fall on")
    String zone() default "Asia/Shanghai";

    @AttributeDefinition(description = "Days after a stage (acceptance, hand-out) during which it may be rated")
    int ratingDays() default 30;

    @AttributeDefinition(description = "Minutes a rating pad offers the service last finished at its window")
    int padMinutes() default 10;

    @AttributeDefinition(description = "Minutes a new pad waits for an administrator to bind it before it is forgotten")
    int pairingMinutes() default 30;

    @AttributeDefinition(description = "Pads one client address may register in a minute (a guard against filling the list of pads to bind)")
    int padsPerMinute() default 5;

    @AttributeDefinition(description = "Days after a case finished (handed out, refused) when one invitation to rate goes to a case still unrated (0: none)")
    int inviteAfterDays() default 3;

    @AttributeDefinition(description = "Working days to verify a bad rating (核实)")
    int verifyDays() default 1;

    @AttributeDefinition(description = "Working days to put it right once verified as justified (整改)")
    int putRightDays() default 5;

    @AttributeDefinition(description = "Working days to answer the citizen after the step before (回访)")
    int followUpDays() default 2;

    @AttributeDefinition(description = "Seconds between two reads of the cases' moves, which make services to rate")
    int caseWatchSeconds() default 2;

    @AttributeDefinition(description = "Seconds between two journalings of the months' figures that changed, for the city hub's board")
    int figuresSeconds() default 300;

    @AttributeDefinition(description = "The notifier that sends the invitations: an LDAP filter on Notifier services, such as (channel=file) or (channel=sms)")
    String notifier_target() default "(channel=file)";

    @AttributeDefinition(description = "How citizens' phones reach this hall, for the link in the invitations (empty: the text names the kiosk and the online hall instead)")
    String publicBaseUrl() default "";
}
