package org.keywarden.crypto.control;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.cms.AuthEnvelopedData;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.KeyTransRecipientInfo;
import org.bouncycastle.asn1.cms.RecipientInfo;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.keywarden.crypto.control.SealedValueIntegrityException.Kind;

class EnvelopeTest {

    static final char[] PASSWORD = "Envelope-Test-Pw-71".toCharArray();
    static final Binding BINDING = new Binding("0A1B2C3D-4E5F-6789-ABCD-EF0123456789", "recoveryPassword");

    @TempDir
    static Path directory;
    static KeyRing keys;
    static KeyRing otherKeys;

    @BeforeAll
    static void keystores() {
        EncryptionKeystores.generate(directory.resolve("ks.p12"), PASSWORD, "Keywarden test");
        EncryptionKeystores.generate(directory.resolve("other.p12"), PASSWORD, "Keywarden other");
        keys = KeyRing.load(directory.resolve("ks.p12"), PASSWORD);
        otherKeys = KeyRing.load(directory.resolve("other.p12"), PASSWORD);
    }

    static String recoveryPassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int group = 0; group < 8; group++) {
            password.append(group == 0 ? "" : "-").append(String.format("%06d", random.nextInt(65536) * 11));
        }
        return password.toString();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 55, 70 * 1024})
    void sealedValuesOpen(int size) {
        byte[] plain = new byte[size];
        new SecureRandom().nextBytes(plain);
        byte[] sealed = Envelope.seal(plain, BINDING, keys.newest());
        assertArrayEquals(plain, Envelope.open(sealed, BINDING, keys));
    }

    @Test
    void sealingTwiceGivesDifferentValues() {
        byte[] plain = recoveryPassword().getBytes(UTF_8);
        byte[] first = Envelope.seal(plain, BINDING, keys.newest());
        byte[] second = Envelope.seal(plain, BINDING, keys.newest());
        assertFalse(Arrays.equals(first, second));
        assertArrayEquals(Envelope.open(first, BINDING, keys), Envelope.open(second, BINDING, keys));
    }

    @Test
    void sealedValueHidesThePassword() {
        String password = recoveryPassword();
        assertEquals(55, password.length());
        byte[] sealed = Envelope.seal(password.getBytes(UTF_8), BINDING, keys.newest());
        assertEquals(-1, indexOf(sealed, password.getBytes(UTF_8)));
        assertEquals(-1, indexOf(sealed, password.replace("-", "").getBytes(UTF_8)));
        for (String group : password.split("-")) {
            assertEquals(-1, indexOf(sealed, (group + "-").getBytes(UTF_8)), "a password group is visible");
        }
    }

    @Test
    void sealedValueIsDerAuthEnvelopedDataWithGcmAndOaepSha256ToIssuerAndSerial() throws Exception {
        byte[] sealed = Envelope.seal(new byte[] {1, 2, 3}, BINDING, keys.newest());
        ContentInfo contentInfo = ContentInfo.getInstance(ASN1Primitive.fromByteArray(sealed));
        assertEquals(CMSObjectIdentifiers.authEnvelopedData, contentInfo.getContentType());
        AuthEnvelopedData data = AuthEnvelopedData.getInstance(contentInfo.getContent());
        assertEquals(NISTObjectIdentifiers.id_aes256_GCM,
                data.getAuthEncryptedContentInfo().getContentEncryptionAlgorithm().getAlgorithm());
        KeyTransRecipientInfo recipient = (KeyTransRecipientInfo) RecipientInfo.getInstance(
                data.getRecipientInfos().getObjectAt(0)).getInfo();
        assertEquals(PKCSObjectIdentifiers.id_RSAES_OAEP, recipient.getKeyEncryptionAlgorithm().getAlgorithm());
        assertFalse(recipient.getRecipientIdentifier().isTagged(), "issuer and serial, not subject key identifier");
        assertEquals(keys.newest().getSerialNumber(), Envelope.recipientId(sealed).split("@")[0].transform(
                hex -> new java.math.BigInteger(hex, 16)));
    }

    @Test
    void recipientIdMapsToTheFingerprint() {
        byte[] sealed = Envelope.seal(new byte[] {1}, BINDING, keys.newest());
        assertEquals(KeyRing.fingerprint(keys.newest()),
                keys.fingerprintOfRecipient(Envelope.recipientId(sealed)).orElseThrow());
        assertTrue(otherKeys.fingerprintOfRecipient(Envelope.recipientId(sealed)).isEmpty());
    }

    @Test
    void anotherOwnerOrFieldDoesNotOpen() {
        String password = recoveryPassword();
        byte[] sealed = Envelope.seal(password.getBytes(UTF_8), BINDING, keys.newest());
        for (Binding other : List.of(new Binding("0A1B2C3D-4E5F-6789-ABCD-EF0123456788", BINDING.field()),
                new Binding(BINDING.owner(), "keyPackage"), new Binding(BINDING.owner() + "\n", BINDING.field()))) {
            SealedValueIntegrityException e = assertFails(Kind.BINDING_MISMATCH,
                    () -> Envelope.open(sealed, other, keys));
            assertTrue(e.getMessage().contains(other.owner()) && e.getMessage().contains(other.field()), e.getMessage());
            assertFalse(e.getMessage().contains(password), e.getMessage());
        }
    }

    @Test
    void everySingleBitFlipIsDetected() {
        byte[] sealed = Envelope.seal(recoveryPassword().getBytes(UTF_8), BINDING, keys.newest());
        List<String> accepted = new ArrayList<>();
        for (int i = 0; i < sealed.length; i++) {
            int mask = i % 2 == 0 ? 0x01 : 0x80;
            byte[] tampered = sealed.clone();
            tampered[i] ^= (byte) mask;
            try {
                Envelope.open(tampered, BINDING, keys);
                accepted.add(i + "^" + mask);
            } catch (SealedValueIntegrityException expected) {
                assertNotNull(expected.kind());
            }
        }
        assertEquals(List.of(), accepted, "tampered values opened");
    }

    @Test
    void flippedCiphertextOrTagFailsAuthentication() {
        byte[] sealed = Envelope.seal(new byte[64], BINDING, keys.newest());
        // The DER ends with [ciphertext][OCTET STRING header of the 16-byte tag][tag]; flip each byte of that tail.
        for (int i = sealed.length - 16 - 2 - 64; i < sealed.length; i++) {
            if (i == sealed.length - 18 || i == sealed.length - 17) {
                continue;
            }
            byte[] tampered = sealed.clone();
            tampered[i] ^= 0x55;
            assertFails(Kind.AUTHENTICATION_FAILED, () -> Envelope.open(tampered, BINDING, keys));
        }
    }

    @Test
    void keyRingWithoutTheRecipientDoesNotOpen() {
        byte[] sealed = Envelope.seal(new byte[] {42}, BINDING, keys.newest());
        SealedValueIntegrityException e = assertFails(Kind.NO_MATCHING_KEY, () -> Envelope.open(sealed, BINDING, otherKeys));
        assertTrue(e.getMessage().contains(BINDING.owner()), e.getMessage());
    }

    @Test
    void garbageIsMalformed() {
        assertFails(Kind.MALFORMED, () -> Envelope.open(new byte[0], BINDING, keys));
        assertFails(Kind.MALFORMED, () -> Envelope.open("not cms".getBytes(UTF_8), BINDING, keys));
        byte[] sealed = Envelope.seal(new byte[] {42}, BINDING, keys.newest());
        assertFails(Kind.MALFORMED, () -> Envelope.open(Arrays.copyOf(sealed, sealed.length - 1), BINDING, keys));
        assertFails(Kind.MALFORMED, () -> Envelope.open(Arrays.copyOf(sealed, sealed.length + 1), BINDING, keys));
        assertThrows(SealedValueIntegrityException.class, () -> Envelope.recipientId(new byte[] {0x30, 0}));
    }

    static SealedValueIntegrityException assertFails(Kind kind, org.junit.jupiter.api.function.Executable open) {
        SealedValueIntegrityException e = assertThrows(SealedValueIntegrityException.class, open);
        assertEquals(kind, e.kind(), e.getMessage());
        return e;
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
