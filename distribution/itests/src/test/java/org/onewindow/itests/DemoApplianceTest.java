package org.onewindow.itests;

import org.junit.Before;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;

/** A Pax Exam class on the demo appliance as it ships (no configuration of its own), each test once the API answers. */
abstract class DemoApplianceTest extends OneWindowTestSupport {

    @Configuration
    public Option[] config() {
        return appliance();
    }

    @Before
    public void apiUp() throws InterruptedException {
        awaitApi();
    }
}
