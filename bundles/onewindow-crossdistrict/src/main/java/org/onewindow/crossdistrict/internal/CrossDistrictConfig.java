package org.onewindow.crossdistrict.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "OneWindow cross-district handling", description = "全市通办: cases handed between districts through the city hub")
@interface CrossDistrictConfig {
    String PID = "org.onewindow.crossdistrict";

    @AttributeDefinition(description = "How often the hub is asked for messages for this district (cases to decide, receipts, decisions), in milliseconds")
    long pollMillis() default 1000;

    @AttributeDefinition(description = "The longest wait between asks while nothing comes for this district (or it is not federated), in"
            + " milliseconds: the wait doubles from pollMillis, so that an idle district costs little")
    long idlePollMaxMillis() default 5000;

    @AttributeDefinition(description = "Messages taken per request; a full page is followed by the next at once")
    int pageSize() default 5;

    @AttributeDefinition(description = "Largest total of scanned files sent with a case, in bytes")
    long maxFilesBytes() default 52428800;
}
