package org.keywarden.agent.api;

/**
 * One entry of a validation problem's {@code errors} array.
 *
 * @param field   the offending field
 * @param message the rule it broke
 */
public record FieldError(String field, String message) {
}
