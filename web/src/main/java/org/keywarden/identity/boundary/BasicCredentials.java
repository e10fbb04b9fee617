package org.keywarden.identity.boundary;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The user name and password of an {@code Authorization: Basic} header (RFC 7617): base64 of
 * {@code user-id ":" password} in UTF-8, split at the first colon, so a password may contain colons.
 * Anything else (no colon, bad base64, bad UTF-8, an empty user name) is no credential at all.
 */
record BasicCredentials(String username, char[] password) {

    private static final String SCHEME = "Basic ";

    static Optional<BasicCredentials> of(String authorizationHeader) {
        if (authorizationHeader == null || !authorizationHeader.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return Optional.empty();
        }
        String token = authorizationHeader.substring(SCHEME.length()).strip();
        if (token.isEmpty() || token.length() > 4096) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Base64.getDecoder().decode(token)))
                    .toString();
        } catch (IllegalArgumentException | CharacterCodingException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        return Optional.of(new BasicCredentials(decoded.substring(0, colon), decoded.substring(colon + 1).toCharArray()));
    }


    @Override
    public String toString() {
        return "BasicCredentials[" + username + ", password hidden]";
    }
}
