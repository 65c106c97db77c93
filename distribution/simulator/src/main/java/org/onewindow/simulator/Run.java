package org.onewindow.simulator;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** The cases held and the counters: everything {@link DepartmentSimulator#reset()} forgets. */
final class Run {
    final Object lock = new Object();
    final ConcurrentHashMap<String, Held> byCase = new ConcurrentHashMap<>();
    final ConcurrentHashMap<String, Held> byKey = new ConcurrentHashMap<>();
    final AtomicLong received = new AtomicLong();
    final AtomicLong duplicates = new AtomicLong();
    final AtomicLong resubmissions = new AtomicLong();
    final AtomicLong errorsInjected = new AtomicLong();
    final AtomicLong badSignatures = new AtomicLong();
    final AtomicLong badRequests = new AtomicLong();
    final AtomicLong filesCorrupt = new AtomicLong();
    final AtomicLong callbacksSent = new AtomicLong();
    final AtomicLong callbacksAccepted = new AtomicLong();
    final AtomicLong callbacksRefused = new AtomicLong();
    final AtomicLong callbackFailures = new AtomicLong();
    final AtomicLong callbacksAbandoned = new AtomicLong();
    final AtomicInteger pending = new AtomicInteger();

    /** The counters and, with {@code withCases}, every case held. */
    Map<String, Object> stats(boolean withCases) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("received", received.get());
        s.put("cases", byCase.size());
        s.put("duplicates", duplicates.get());
        s.put("resubmissions", resubmissions.get());
        s.put("errorsInjected", errorsInjected.get());
        s.put("badSignatures", badSignatures.get());
        s.put("badRequests", badRequests.get());
        s.put("filesCorrupt", filesCorrupt.get());
        s.put("callbacksSent", callbacksSent.get());
        s.put("callbacksAccepted", callbacksAccepted.get());
        s.put("callbacksRefused", callbacksRefused.get());
        s.put("callbackFailures", callbackFailures.get());
        s.put("callbacksAbandoned", callbacksAbandoned.get());
        s.put("pendingDecisions", pending.get());
        if (withCases) {
            Map<String, Object> cases = new TreeMap<>();
            for (Held h : byCase.values()) {
                cases.put(h.caseNo, h.view());
            }
            s.put("casesByNo", cases);
        }
        return s;
    }
}
