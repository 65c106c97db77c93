package org.onewindow.node.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "OneWindow node identity",
        description = "Who this node is: a district service hall or the city hub")
@interface NodeConfig {
    String PID = "org.onewindow.node";

    @AttributeDefinition(description = "district (a district service hall) or hub (the city hub)")
    String role() default "district";

    @AttributeDefinition(description = "Administrative division code of the district, six digits (GB/T 2260)")
    String districtCode() default "441302";

    @AttributeDefinition(description = "Name of the district")
    String districtName() default "惠城区";

    @AttributeDefinition(description = "Base URL of the city hub, empty until the node is federated")
    String hubUrl() default "";

    @AttributeDefinition(description = "Demo mode: loads the demo catalog and creates the demo users. Never on a production node.")
    boolean demo() default false;
}
