package org.keywarden.health.control;

import java.util.Map;

/** Whether this node can serve, and each check's answer ({@code ok}, {@code off} or what is wrong). */
public record Readiness(boolean ready, Map<String, String> checks) {
}
