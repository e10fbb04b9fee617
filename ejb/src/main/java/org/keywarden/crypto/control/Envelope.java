package org.keywarden.crypto.control;

import static org.keywarden.crypto.control.BouncyCastle.PROVIDER;
import static org.keywarden.crypto.control.BouncyCastle.RANDOM;

import java.io.IOException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.cms.AuthEnvelopedData;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.EncryptedContentInfo;
import org.bouncycastle.asn1.cms.GCMParameters;
import org.bouncycastle.asn1.cms.IssuerAndSerialNumber;
import org.bouncycastle.asn1.cms.KeyTransRecipientInfo;
import org.bouncycastle.asn1.cms.RecipientInfo;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAESOAEPparams;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.CMSAuthEnvelopedData;
import org.bouncycastle.cms.CMSAuthEnvelopedDataGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.KeyTransRecipientId;
import org.bouncycastle.cms.RecipientInformation;
import org.bouncycastle.cms.jcajce.JceCMSContentEncryptorBuilder;
import org.bouncycastle.cms.jcajce.JceKeyTransAuthEnvelopedRecipient;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientInfoGenerator;
import org.bouncycastle.operator.OutputAEADEncryptor;
import org.bouncycastle.operator.jcajce.JceAsymmetricKeyWrapper;
import org.keywarden.crypto.control.SealedValueIntegrityException.Kind;

/**
 * Seals secrets as DER CMS AuthEnvelopedData (RFC 5083, AES-256-GCM, data key wrapped by RSA-OAEP-SHA256) that
 * {@code openssl cms -decrypt} can open.
 *
 * <p>The {@link Binding} is the OAEP label of the wrapped data key (RFC 8017 / RFC 4055 {@code pSpecified}), not an
 * authenticated attribute: OpenSSL up to at least 3.0.19 cannot parse AuthEnvelopedData with {@code authAttrs}.
 * OAEP authenticates its label, so a value whose label is changed no longer unwraps, and one moved to another
 * record fails the comparison with the expected binding.
 */
public final class Envelope {

    /**
     * Marks the label format DER {@code SEQUENCE { OID, UTF8String owner, UTF8String field }}; a UUID-based OID
     * (ITU-T X.667) from the random UUID 6dd18c49-23f8-4bc8-9c8f-8dffc0ac96c4, generated once for Keywarden.
     */
    static final ASN1ObjectIdentifier BINDING_LABEL =
            new ASN1ObjectIdentifier("2.25.145973886916122130721161767374423889604");

    private static final ASN1ObjectIdentifier AES256_GCM = NISTObjectIdentifiers.id_aes256_GCM;
    private static final AlgorithmIdentifier SHA256 =
            new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256, DERNull.INSTANCE);
    private static final int GCM_NONCE_BYTES = 12;
    private static final int GCM_TAG_BYTES = 16;

    private Envelope() {
    }

    /** Encrypts {@code plaintext} under a fresh AES-256 key wrapped to {@code recipient}, bound to {@code binding}. */
    public static byte[] seal(byte[] plaintext, Binding binding, X509Certificate recipient) {
        Objects.requireNonNull(plaintext, "plaintext");
        Objects.requireNonNull(binding, "binding");
        if (!(recipient.getPublicKey() instanceof RSAPublicKey)) {
            throw new IllegalArgumentException("The recipient certificate of " + binding + " has no RSA key");
        }
        try {
            JceAsymmetricKeyWrapper wrapper = new JceAsymmetricKeyWrapper(oaep(binding), recipient.getPublicKey())
                    .setProvider(PROVIDER).setSecureRandom(RANDOM);
            CMSAuthEnvelopedDataGenerator generator = new CMSAuthEnvelopedDataGenerator();
            generator.addRecipientInfoGenerator(
                    new JceKeyTransRecipientInfoGenerator(recipient, wrapper).setProvider(PROVIDER));
            OutputAEADEncryptor encryptor = (OutputAEADEncryptor) new JceCMSContentEncryptorBuilder(CMSAlgorithm.AES256_GCM)
                    .setProvider(PROVIDER).setSecureRandom(RANDOM).build();
            return generator.generate(new CMSProcessableByteArray(plaintext), encryptor)
                    .toASN1Structure().getEncoded(ASN1Encoding.DER);
        } catch (CMSException | CertificateEncodingException | IOException e) {
            throw new IllegalStateException("Could not seal " + binding + ": " + e.getMessage(), e);
        }
    }

    /** Decrypts a value sealed by {@link #seal} with any key of {@code keys}, checking its tag and binding. */
    public static byte[] open(byte[] der, Binding expected, KeyRing keys) {
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(keys, "keys");
        Parsed parsed = parse(der, expected);
        SealedValueIntegrityException failure = null;
        for (Recipient recipient : parsed.recipients()) {
            Optional<KeyRing.Entry> entry = keys.entryForRecipient(recipient.id());
            if (entry.isPresent()) {
                try {
                    return decrypt(parsed.contentInfo(), recipient, expected, entry.get());
                } catch (SealedValueIntegrityException e) {
                    failure = e;
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
        throw new SealedValueIntegrityException(Kind.NO_MATCHING_KEY, expected,
                "wrapped to " + parsed.recipients().stream().map(Recipient::id).toList(), null);
    }

    /**
     * Identifies, without decrypting, the certificate a sealed value is wrapped to as
     * {@code <serial hex>@<issuer RFC 2253>}; map it with {@link KeyRing#fingerprintOfRecipient(String)}.
     */
    public static String recipientId(byte[] der) {
        return parse(der, null).recipients().get(0).id();
    }

    /** A checked structure and its key transport recipients. */
    private record Parsed(ContentInfo contentInfo, List<Recipient> recipients) {
    }

    /** One key transport recipient with its {@link KeyRing#recipientId} form. */
    private record Recipient(String id, IssuerAndSerialNumber issuerAndSerial, AlgorithmIdentifier keyTransport) {
    }

    private static byte[] decrypt(ContentInfo contentInfo, Recipient recipient, Binding expected, KeyRing.Entry entry) {
        checkLabel(recipient.keyTransport(), expected);
        try {
            RecipientInformation information = new CMSAuthEnvelopedData(contentInfo).getRecipientInfos().get(
                    new KeyTransRecipientId(recipient.issuerAndSerial().getName(),
                            recipient.issuerAndSerial().getSerialNumber().getValue()));
            if (information == null) {
                throw new SealedValueIntegrityException(Kind.MALFORMED, expected, "recipient not found", null);
            }
            return information.getContent(new JceKeyTransAuthEnvelopedRecipient(entry.privateKey())
                    .setProvider(PROVIDER)
                    .setAllowedContentAlgorithms(Set.of(AES256_GCM))
                    .setMinimumTagSize(GCM_TAG_BYTES * 8));
        } catch (CMSException | RuntimeException e) {
            if (e instanceof SealedValueIntegrityException s) {
                throw s;
            }
            throw new SealedValueIntegrityException(Kind.AUTHENTICATION_FAILED, expected, null, e);
        }
    }

    /**
     * Parses and checks the whole structure: canonical DER, AuthEnvelopedData v0 without attributes, id-data,
     * AES-256-GCM, key transport recipients by issuer and serial with RSA-OAEP-SHA256.
     */
    private static Parsed parse(byte[] der, Binding binding) {
        if (der == null || der.length == 0) {
            throw new SealedValueIntegrityException(Kind.MALFORMED, binding, "empty", null);
        }
        try {
            ASN1Primitive primitive = ASN1Primitive.fromByteArray(der);
            if (!Arrays.equals(primitive.getEncoded(ASN1Encoding.DER), der)) {
                throw malformed(binding, "not DER");
            }
            ContentInfo contentInfo = ContentInfo.getInstance(primitive);
            if (!CMSObjectIdentifiers.authEnvelopedData.equals(contentInfo.getContentType())) {
                throw malformed(binding, "content type " + contentInfo.getContentType());
            }
            AuthEnvelopedData data = AuthEnvelopedData.getInstance(contentInfo.getContent());
            if (!data.getVersion().hasValue(0) || data.getOriginatorInfo() != null || data.getAuthAttrs() != null
                    || data.getUnauthAttrs() != null || data.getMac().getOctets().length != GCM_TAG_BYTES) {
                throw malformed(binding, "unexpected AuthEnvelopedData fields");
            }
            EncryptedContentInfo content = data.getAuthEncryptedContentInfo();
            if (!CMSObjectIdentifiers.data.equals(content.getContentType())) {
                throw malformed(binding, "encrypted content type " + content.getContentType());
            }
            checkContentEncryption(content.getContentEncryptionAlgorithm(), binding);
            List<Recipient> recipients = new ArrayList<>();
            for (ASN1Encodable element : data.getRecipientInfos()) {
                recipients.add(recipient(RecipientInfo.getInstance(element), binding));
            }
            if (recipients.isEmpty()) {
                throw malformed(binding, "no recipient");
            }
            return new Parsed(contentInfo, recipients);
        } catch (IOException | RuntimeException e) {
            if (e instanceof SealedValueIntegrityException s) {
                throw s;
            }
            throw new SealedValueIntegrityException(Kind.MALFORMED, binding, null, e);
        }
    }

    private static Recipient recipient(RecipientInfo info, Binding binding) throws IOException {
        if (!(info.getInfo() instanceof KeyTransRecipientInfo ktri) || ktri.getRecipientIdentifier().isTagged()
                || !ktri.getVersion().hasValue(0)) {
            throw unsupported(binding, "recipient is not key transport with issuer and serial number");
        }
        checkKeyTransport(ktri.getKeyEncryptionAlgorithm(), binding);
        IssuerAndSerialNumber issuerAndSerial = IssuerAndSerialNumber.getInstance(ktri.getRecipientIdentifier().getId());
        X500Principal issuer = new X500Principal(issuerAndSerial.getName().getEncoded(ASN1Encoding.DER));
        String id = KeyRing.recipientId(issuer, issuerAndSerial.getSerialNumber().getValue());
        return new Recipient(id, issuerAndSerial, ktri.getKeyEncryptionAlgorithm());
    }

    private static void checkContentEncryption(AlgorithmIdentifier algorithm, Binding binding) {
        if (!AES256_GCM.equals(algorithm.getAlgorithm())) {
            throw unsupported(binding, "content encryption " + algorithm.getAlgorithm());
        }
        GCMParameters parameters = GCMParameters.getInstance(algorithm.getParameters());
        if (parameters.getNonce().length != GCM_NONCE_BYTES || parameters.getIcvLen() != GCM_TAG_BYTES) {
            throw unsupported(binding, "AES-GCM nonce or tag length");
        }
    }

    /** Requires RSA-OAEP with SHA-256, MGF1-SHA-256 and an explicit label. */
    private static void checkKeyTransport(AlgorithmIdentifier algorithm, Binding binding) {
        if (!PKCSObjectIdentifiers.id_RSAES_OAEP.equals(algorithm.getAlgorithm())) {
            throw unsupported(binding, "key transport " + algorithm.getAlgorithm());
        }
        RSAESOAEPparams parameters = RSAESOAEPparams.getInstance(algorithm.getParameters());
        AlgorithmIdentifier mgf = parameters.getMaskGenAlgorithm();
        if (!SHA256.getAlgorithm().equals(parameters.getHashAlgorithm().getAlgorithm())
                || !PKCSObjectIdentifiers.id_mgf1.equals(mgf.getAlgorithm())
                || !SHA256.getAlgorithm().equals(AlgorithmIdentifier.getInstance(mgf.getParameters()).getAlgorithm())
                || !PKCSObjectIdentifiers.id_pSpecified.equals(parameters.getPSourceAlgorithm().getAlgorithm())) {
            throw unsupported(binding, "RSA-OAEP parameters");
        }
        ASN1OctetString.getInstance(parameters.getPSourceAlgorithm().getParameters());
    }

    /**
     * Requires the OAEP label, which OAEP itself authenticates on unwrapping, to be {@code expected}, and the OAEP
     * parameters to be encoded exactly as {@link #seal} encodes them.
     */
    private static void checkLabel(AlgorithmIdentifier keyTransport, Binding expected) {
        byte[] label = ASN1OctetString.getInstance(
                RSAESOAEPparams.getInstance(keyTransport.getParameters()).getPSourceAlgorithm().getParameters()).getOctets();
        if (!Arrays.equals(label, label(expected))) {
            throw new SealedValueIntegrityException(Kind.BINDING_MISMATCH, expected, null, null);
        }
        if (!oaep(expected).equals(keyTransport)) {
            throw unsupported(expected, "RSA-OAEP parameters not encoded as sealed");
        }
    }

    /** RSA-OAEP with SHA-256, MGF1-SHA-256 and the binding as label. */
    private static AlgorithmIdentifier oaep(Binding binding) {
        return new AlgorithmIdentifier(PKCSObjectIdentifiers.id_RSAES_OAEP, new RSAESOAEPparams(
                SHA256,
                new AlgorithmIdentifier(PKCSObjectIdentifiers.id_mgf1, SHA256),
                new AlgorithmIdentifier(PKCSObjectIdentifiers.id_pSpecified, new DEROctetString(label(binding)))));
    }

    static byte[] label(Binding binding) {
        try {
            return new DERSequence(new ASN1Encodable[] {
                    BINDING_LABEL, new DERUTF8String(binding.owner()), new DERUTF8String(binding.field())})
                    .getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot encode the binding label", e);
        }
    }

    private static SealedValueIntegrityException malformed(Binding binding, String detail) {
        return new SealedValueIntegrityException(Kind.MALFORMED, binding, detail, null);
    }

    private static SealedValueIntegrityException unsupported(Binding binding, String detail) {
        return new SealedValueIntegrityException(Kind.UNSUPPORTED_ALGORITHM, binding, detail, null);
    }
}
