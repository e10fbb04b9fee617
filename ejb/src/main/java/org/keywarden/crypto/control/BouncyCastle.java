package org.keywarden.crypto.control;

import java.security.Provider;
import java.security.SecureRandom;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/** The one BouncyCastle provider instance of this package, passed explicitly and never registered globally. */
final class BouncyCastle {

    /** Never give this to {@code Security.addProvider}: a provider registered from a deployment class loader leaks. */
    static final Provider PROVIDER = new BouncyCastleProvider();

    static final SecureRandom RANDOM = new SecureRandom();

    private BouncyCastle() {
    }
}
