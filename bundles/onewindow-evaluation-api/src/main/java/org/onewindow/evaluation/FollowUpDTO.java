package org.onewindow.evaluation;

/** 回访: how the citizen was answered ({@code PHONE} or {@code SMS}), what they said, and whether they are now satisfied. */
public record FollowUpDTO(String channel, String outcome, Boolean satisfied) {
}
