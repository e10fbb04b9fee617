package org.keywarden.disclosure.control;

/** A disclosed key, on its way to the one person allowed to see it. {@link #toString()} hides the secrets. */
public record DisclosedKey(String recoveryKeyId, String recoveryPassword, byte[] keyPackage) {

    @Override
    public String toString() {
        return "DisclosedKey[" + recoveryKeyId + "]";
    }
}
