package org.onewindow.simulator;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** A case held by the department. */
final class Held {
    final String caseNo;
    final String reference;
    final long n;
    final String callbackUrl;
    final AtomicInteger deliveries = new AtomicInteger();
    final AtomicInteger callbacks = new AtomicInteger();
    /** The answer to every delivery of this case. */
    volatile byte[] response;
    /** The key the decision answers: the first delivery's, or a resubmission's. */
    volatile String deliveryKey;
    volatile String decision;
    volatile Integer callbackStatus;

    Held(String caseNo, String reference, long n, String deliveryKey, String callbackUrl) {
        this.caseNo = caseNo;
        this.reference = reference;
        this.n = n;
        this.deliveryKey = deliveryKey;
        this.callbackUrl = callbackUrl;
    }

    Map<String, Object> view() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("reference", reference);
        v.put("deliveries", deliveries.get());
        v.put("decision", decision);
        v.put("callbackStatus", callbackStatus);
        v.put("callbacks", callbacks.get());
        v.put("deliveryKey", deliveryKey);
        return v;
    }
}
