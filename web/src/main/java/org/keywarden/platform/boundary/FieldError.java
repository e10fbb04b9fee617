package org.keywarden.platform.boundary;

/** One invalid field of a request and the rule it broke. */
public record FieldError(String field, String message) {
}
