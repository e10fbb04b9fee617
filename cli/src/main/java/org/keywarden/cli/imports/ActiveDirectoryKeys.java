package org.keywarden.cli.imports;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.naming.InvalidNameException;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.Attributes;
import javax.naming.directory.SearchResult;
import javax.naming.ldap.LdapName;

/**
 * Reads the BitLocker recovery keys Active Directory holds (its {@code msFVE-RecoveryInformation} objects under
 * the computer objects) as import rows.
 *
 * <p>Every {@code msFVE-RecoveryInformation} object under the search base becomes one {@link ImportRow}: the
 * recovery key ID from {@code msFVE-RecoveryGuid}, the volume from {@code msFVE-VolumeGuid} (both GUIDs in
 * Windows byte order), the password from {@code msFVE-RecoveryPassword}, the key package from
 * {@code msFVE-KeyPackage} (base64), when it was stored from the date-time that starts the object's name
 * ({@code CN=2024-03-05T10:22:33-08:00{GUID}}, given in UTC), the hostname from the parent computer's
 * {@code cn} (else the first label of its {@code dNSHostName}, upper-cased) and the domain from the rest of its
 * {@code dNSHostName}. The volume type stays null: Active Directory does not say. Passwords are passed on as
 * stored, valid or not (the import validates them). An object without a password or recovery GUID, with a GUID
 * that is not 16 bytes, or whose computer has no name, is left out and reported by {@link #skipped()}.
 *
 * <p>The recovery password and key package are confidential attributes: the bind account needs the right to
 * read them (otherwise the objects come back without a password and are skipped as such).
 */
public final class ActiveDirectoryKeys {

    static final String RECOVERY_PASSWORD = "msFVE-RecoveryPassword";
    static final String RECOVERY_GUID = "msFVE-RecoveryGuid";
    static final String VOLUME_GUID = "msFVE-VolumeGuid";
    static final String KEY_PACKAGE = "msFVE-KeyPackage";
    static final String RECOVERY_FILTER = "(objectClass=msFVE-RecoveryInformation)";
    static final String COMPUTER_FILTER = "(objectClass=computer)";
    private static final String[] RECOVERY_ATTRIBUTES = {RECOVERY_PASSWORD, RECOVERY_GUID, VOLUME_GUID, KEY_PACKAGE};
    private static final String[] COMPUTER_ATTRIBUTES = {"cn", "dNSHostName"};

    private final ActiveDirectorySource source;
    private SkippedRecoveryObjects skipped = new SkippedRecoveryObjects();

    public ActiveDirectoryKeys(ActiveDirectorySource source) {
        if (source == null) {
            throw new IllegalArgumentException("the Active Directory source is missing");
        }
        this.source = source;
    }

    /**
     * Connects, binds, and reads every recovery object under the search base, in the order the directory returns
     * them. <strong>The rows hold secrets.</strong>
     *
     * @throws ActiveDirectoryException if the connection, TLS, the bind or a search fails (no secret in it)
     */
    public List<ImportRow> read() throws ActiveDirectoryException {
        SkippedRecoveryObjects skips = new SkippedRecoveryObjects();
        List<RecoveryObject> found = new ArrayList<>();
        Map<LdapName, Computer> computers = new LinkedHashMap<>();
        try (ActiveDirectoryConnection directory = ActiveDirectoryConnection.open(source,
                RECOVERY_GUID, VOLUME_GUID, KEY_PACKAGE)) {
            directory.search(source.searchBase(), RECOVERY_FILTER, RECOVERY_ATTRIBUTES, entry -> {
                RecoveryObject recovery = recoveryObject(entry, skips);
                if (recovery != null) {
                    found.add(recovery);
                    computers.put(recovery.computer(), null);
                }
            });
            nameComputers(directory, computers);
        }
        List<ImportRow> rows = new ArrayList<>(found.size());
        for (RecoveryObject recovery : found) {
            Computer computer = computers.get(recovery.computer());
            if (computer == null || computer.hostname() == null) {
                skips.add(recovery.dn(), SkipReason.NO_COMPUTER_NAME);
            } else {
                rows.add(new ImportRow(computer.hostname(), computer.domain(), recovery.recoveryKeyId(),
                        recovery.volumeId(), null, recovery.password(), recovery.keyPackage(), recovery.createdAt()));
            }
        }
        skipped = skips;
        return rows;
    }

    /** The recovery objects the last {@link #read()} left out, with why (none before the first read). */
    public SkippedRecoveryObjects skipped() {
        return skipped;
    }

    /**
     * Finds the name of each computer: one read per computer if there are few, else one paged search of all
     * computers under the base (then a read for any outside it).
     */
    private static void nameComputers(ActiveDirectoryConnection directory, Map<LdapName, Computer> computers)
            throws ActiveDirectoryException {
        if (computers.size() > ActiveDirectoryConnection.PAGE_SIZE) {
            // the search base is a parent of every recovery object; a computer outside it is read below
            LdapName base = commonBase(computers);
            directory.search(base, COMPUTER_FILTER, COMPUTER_ATTRIBUTES, entry -> {
                LdapName dn = new LdapName(entry.getNameInNamespace());
                if (computers.containsKey(dn)) {
                    computers.put(dn, Computer.of(entry.getAttributes()));
                }
            });
        }
        for (Map.Entry<LdapName, Computer> computer : computers.entrySet()) {
            if (computer.getValue() == null) {
                Attributes attributes = directory.read(computer.getKey(), COMPUTER_ATTRIBUTES);
                try {
                    computer.setValue(attributes == null ? Computer.UNNAMED : Computer.of(attributes));
                } catch (NamingException unreadable) {
                    computer.setValue(Computer.UNNAMED);
                }
            }
        }
    }

    /** The longest DN that all the computers are under. */
    private static LdapName commonBase(Map<LdapName, Computer> computers) {
        LdapName base = null;
        for (LdapName dn : computers.keySet()) {
            if (base == null) {
                base = (LdapName) dn.getPrefix(Math.max(0, dn.size() - 1));
            }
            while (!dn.startsWith(base)) {
                base = (LdapName) base.getPrefix(base.size() - 1);
            }
        }
        return base;
    }

    /** The recovery object of a search result, or null (and the skip noted) if it cannot be imported. */
    private static RecoveryObject recoveryObject(SearchResult entry, SkippedRecoveryObjects skips)
            throws NamingException {
        String dn = entry.getNameInNamespace();
        Attributes attributes = entry.getAttributes();
        String password = text(attributes.get(RECOVERY_PASSWORD));
        if (password == null) {
            skips.add(dn, SkipReason.NO_RECOVERY_PASSWORD);
            return null;
        }
        Object recoveryGuid = value(attributes.get(RECOVERY_GUID));
        if (recoveryGuid == null) {
            skips.add(dn, SkipReason.NO_RECOVERY_GUID);
            return null;
        }
        Object volumeGuid = value(attributes.get(VOLUME_GUID));
        if (!isGuid(recoveryGuid) || (volumeGuid != null && !isGuid(volumeGuid))) {
            skips.add(dn, SkipReason.MALFORMED_GUID);
            return null;
        }
        Object keyPackage = value(attributes.get(KEY_PACKAGE));
        LdapName name;
        try {
            name = new LdapName(dn);
        } catch (InvalidNameException e) {
            skips.add(dn, SkipReason.NO_COMPUTER_NAME);
            return null;
        }
        if (name.size() < 2) {
            skips.add(dn, SkipReason.NO_COMPUTER_NAME);
            return null;
        }
        return new RecoveryObject(dn, (LdapName) name.getPrefix(name.size() - 1),
                WindowsGuids.toCanonical((byte[]) recoveryGuid),
                volumeGuid == null ? null : WindowsGuids.toCanonical((byte[]) volumeGuid),
                password,
                keyPackage instanceof byte[] bytes && bytes.length > 0 ? Base64.getEncoder().encodeToString(bytes) : null,
                createdAt(name));
    }

    /**
     * When the object was stored, from the date-time that starts its name ({@code 2024-03-05T10:22:33-08:00{GUID}}),
     * in UTC ({@code 2024-03-05T18:22:33Z}); null if the name does not start with a date-time with an offset.
     */
    static String createdAt(LdapName name) {
        if (name.isEmpty()) {
            return null;
        }
        String rdn = String.valueOf(name.getRdn(name.size() - 1).getValue());
        int brace = rdn.indexOf('{');
        String dateTime = (brace >= 0 ? rdn.substring(0, brace) : rdn).trim();
        try {
            return OffsetDateTime.parse(dateTime).toInstant().toString();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static boolean isGuid(Object value) {
        return value instanceof byte[] bytes && bytes.length == 16;
    }

    private static Object value(Attribute attribute) throws NamingException {
        return attribute == null || attribute.size() == 0 ? null : attribute.get();
    }

    private static String text(Attribute attribute) throws NamingException {
        Object value = value(attribute);
        return value instanceof String s && !s.isBlank() ? s.trim() : null;
    }

    /** A recovery object found, its computer not yet named. Holds a secret: {@link #toString()} leaves it out. */
    private record RecoveryObject(String dn, LdapName computer, String recoveryKeyId, String volumeId,
                                  String password, String keyPackage, String createdAt) {
        @Override
        public String toString() {
            return "RecoveryObject[dn=" + dn + "]";
        }
    }

    /** A computer's hostname (null if it has none) and domain (null if unknown). */
    private record Computer(String hostname, String domain) {
        static final Computer UNNAMED = new Computer(null, null);

        static Computer of(Attributes attributes) throws NamingException {
            String cn = text(attributes.get("cn"));
            String dnsHostName = text(attributes.get("dNSHostName"));
            if (dnsHostName != null && dnsHostName.endsWith(".")) {
                dnsHostName = dnsHostName.substring(0, dnsHostName.length() - 1);
            }
            int dot = dnsHostName == null ? -1 : dnsHostName.indexOf('.');
            String hostname = cn != null ? cn
                    : dnsHostName == null || dot == 0 ? null
                    : (dot < 0 ? dnsHostName : dnsHostName.substring(0, dot)).toUpperCase(Locale.ROOT);
            String domain = dot > 0 && dot < dnsHostName.length() - 1 ? dnsHostName.substring(dot + 1) : null;
            return new Computer(hostname, domain);
        }
    }
}
