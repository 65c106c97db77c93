package org.onewindow.online.internal.common;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "OneWindow online channel", description = "Sign-in codes, appointment slots and online applications")
public @interface OnlineConfig {
    String PID = "org.onewindow.online";

    @AttributeDefinition(description = "Time zone of the hall: which day and hour it is")
    String zone() default "Asia/Shanghai";

    @AttributeDefinition(description = "Opening hours on working days, as HH:mm-HH:mm periods separated by commas")
    String hallHours() default "09:00-12:00,13:30-17:00";

    @AttributeDefinition(description = "Minutes per appointment slot")
    int slotMinutes() default 30;

    @AttributeDefinition(description = "Appointments per slot for the whole hall")
    int slotCapacity() default 12;

    @AttributeDefinition(description = "Appointments per slot for one item group (a department's windows) unless named in groupCapacities")
    int groupCapacity() default 4;

    @AttributeDefinition(description = "Per-group capacities per slot, as GROUP=n separated by commas (e.g. GA=6,ZR=3)")
    String groupCapacities() default "";

    @AttributeDefinition(description = "Working days ahead that may be booked, today included")
    int bookingDays() default 10;

    @AttributeDefinition(description = "Upcoming appointments one citizen may hold at once")
    int maxActiveBookings() default 3;

    @AttributeDefinition(description = "Seconds a sign-in code is valid")
    int codeTtlSeconds() default 300;

    @AttributeDefinition(description = "Wrong entries of a code before it is void")
    int codeAttempts() default 5;

    @AttributeDefinition(description = "Seconds before another code may be sent to the same ID number")
    int codeIntervalSeconds() default 60;

    @AttributeDefinition(description = "Codes one ID number may be sent per hour")
    int codesPerIdPerHour() default 5;

    @AttributeDefinition(description = "Asks for a code or a real-name verification one client address may make per hour, sent or not")
    int codesPerClientPerHour() default 30;

    @AttributeDefinition(description = "Months a window case's mobile may serve to bind it at a first sign-in (numbers are given out again)")
    int windowCaseMonths() default 24;

    @AttributeDefinition(description = "Minutes a citizen's session lasts without use")
    int sessionIdleMinutes() default 20;

    @AttributeDefinition(description = "Seconds between looks at the change journal for case changes to tell citizens about")
    int caseNoticeSeconds() default 5;

    @AttributeDefinition(description = "How citizens' browsers and the payment gateway reach this hall, such as https://zwfw.example.gov.cn")
    String publicBaseUrl() default "http://localhost:8181";

    @AttributeDefinition(description = "The payment gateway used: an LDAP filter on PaymentGateway services, such as (channel=http)")
    String gateway_target() default "(channel=http)";

    @AttributeDefinition(description = "The notifier used: an LDAP filter on Notifier services, such as (channel=file) or (channel=sms)")
    String notifier_target() default "(channel=file)";

    @AttributeDefinition(description = "The real-name verification service used: an LDAP filter on RealNameVerifier services, such as (channel=http)")
    String realName_target() default "(channel=http)";
}
