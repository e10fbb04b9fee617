package org.keywarden.platform.control;

/** One invalid field and the rule it broke; never holds the value if it could be a secret. */
public record Violation(String field, String message) {
}
