package org.onewindow.access.internal.events;

/** One line of the access log, as the auditor reads it. */
public record AccessEventDTO(long id, String at, String event, String user, String client, String channel, String actor, String detail) {
}
