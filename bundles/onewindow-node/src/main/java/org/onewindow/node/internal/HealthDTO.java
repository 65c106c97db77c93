package org.onewindow.node.internal;

/** What monitors see without logging in; nothing about citizens or users. */
public class HealthDTO {
    public String status;
    public String role;
    public String node;
    public String version;
}
