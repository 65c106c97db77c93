package org.onewindow.node;

/** What a node is: a district service hall, or the city hub the districts replicate to. */
public enum NodeRole {
    DISTRICT, HUB;

    /** The role as written in configuration and shown in the API: {@code district} or {@code hub}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
