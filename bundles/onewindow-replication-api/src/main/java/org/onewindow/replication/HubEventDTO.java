package org.onewindow.replication;

/** One event of the federation at the hub: a registration, a decision, a refused request, a licence read. */
public class HubEventDTO {
    public String at;
    public String district;
    public String event;
    public String detail;
}
