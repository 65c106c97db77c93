package org.onewindow.intake;

import java.util.List;
import java.util.Map;

/** A page of the outbox, with the count of handovers in each state. */
public class HandoverPage {
    public int page;
    public int size;
    public long total;
    public Map<HandoverState, Long> counts;
    public List<HandoverDTO> items;
}
