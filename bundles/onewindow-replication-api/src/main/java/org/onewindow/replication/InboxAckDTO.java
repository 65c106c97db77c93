package org.onewindow.replication;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A district's answer to the messages it pulled: those applied, and why others could not be yet. */
public class InboxAckDTO {
    public List<Long> done = new ArrayList<>();
    /** Message id to the error; these stay waiting and come again. */
    public Map<Long, String> failed = new LinkedHashMap<>();
}
