package org.onewindow.hub.internal;

import javax.ws.rs.HeaderParam;

import org.onewindow.replication.SignedRequests;

/** The headers of a district's signed request ({@link SignedRequests}), as every signed endpoint takes them ({@code @BeanParam}). */
public class SignatureHeaders {
    @HeaderParam(SignedRequests.DISTRICT)
    String district;
    @HeaderParam(SignedRequests.TIMESTAMP)
    String timestamp;
    @HeaderParam(SignedRequests.NONCE)
    String nonce;
    @HeaderParam(SignedRequests.SIGNATURE)
    String signature;
    /** Only on a key rollover. */
    @HeaderParam(SignedRequests.LEGACY_SIGNATURE)
    String legacySignature;
    /** Only on the key rollover of a district registered before public keys and never approved. */
    @HeaderParam(SignedRequests.TOKEN)
    String token;

    public SignatureHeaders() {
    }

    SignatureHeaders(String district, String timestamp, String nonce, String signature) {
        this.district = district;
        this.timestamp = timestamp;
        this.nonce = nonce;
        this.signature = signature;
    }

    /** The timestamp in epoch seconds; far off for a missing or malformed one, so that it is stale. */
    long at() {
        try {
            return timestamp == null ? Long.MIN_VALUE / 2 : Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            return Long.MIN_VALUE / 2;
        }
    }

    /** Whether the nonce can be one: present, at most 64 characters. */
    boolean nonceWellFormed() {
        return nonce != null && !nonce.isBlank() && nonce.length() <= 64;
    }
}
