package org.onewindow.node;

/**
 * Why a node is {@code DEGRADED}: a stable {@code code} for monitors (such as {@code HUB_LINK_FAILING}) and a message
 * district IT can act on. A capability gives its own through {@link StatusContributor#healthReasons()}.
 */
public record HealthReason(String code, String message) {
}
