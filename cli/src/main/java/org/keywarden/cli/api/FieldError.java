package org.keywarden.cli.api;

/** One entry of a problem document's {@code errors}: which request field is wrong, and why. */
public record FieldError(String field, String message) {
}
