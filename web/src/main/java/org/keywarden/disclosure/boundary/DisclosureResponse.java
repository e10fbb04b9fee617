package org.keywarden.disclosure.boundary;

/** The disclosed key; {@code keyPackage} (base64) only when asked for and allowed. {@link #toString()} hides it. */
public record DisclosureResponse(String recoveryKeyId, String recoveryPassword, String keyPackage,
                                 boolean rotationRequired) {

    @Override
    public String toString() {
        return "DisclosureResponse[" + recoveryKeyId + "]";
    }
}
