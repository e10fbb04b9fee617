package org.keywarden.identity.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How directory settings and names are read: role groups, DNs compared as LDAP does, the names users type. */
class DirectoryNamesTest {

    @Test
    void roleGroupsMapEachRoleToItsGroupsWhateverTheirCaseAndSpacing() {
        Map<String, Set<String>> roles = DirectoryConfiguration.roleGroups(
                "helpdesk=CN=Keywarden Helpdesk, OU=Groups,DC=corp,DC=example; ADMIN=cn=Admins,dc=corp,dc=example;"
                        + "HELPDESK=cn=Second Line,dc=corp,dc=example");
        assertEquals(Set.of("cn=keywarden helpdesk,ou=groups,dc=corp,dc=example", "cn=second line,dc=corp,dc=example"),
                roles.get("HELPDESK"));
        assertEquals(Set.of("cn=admins,dc=corp,dc=example"), roles.get("ADMIN"));
        assertTrue(DirectoryConfiguration.roleGroups("").isEmpty());
    }

    @Test
    void anUnknownRoleOrAPairWithoutGroupIsAStartUpError() {
        assertThrows(IllegalStateException.class, () -> DirectoryConfiguration.roleGroups("SUPERUSER=cn=x,dc=corp"));
        assertThrows(IllegalStateException.class, () -> DirectoryConfiguration.roleGroups("cn=x,dc=corp"));
    }

    @Test
    void distinguishedNamesCompareWithoutCaseAndSpacing() {
        assertEquals(DirectoryNames.normalized("CN=Keywarden Helpdesk,OU=Groups,DC=corp,DC=example"),
                DirectoryNames.normalized("cn=keywarden helpdesk, ou=groups, dc=CORP, dc=Example"));
    }

    @Test
    void usersSignInAsNameOrDomainBackslashNameOfThisDomainOnly() {
        assertEquals(Optional.of("alice"), Directory.accountName("alice", "CORP"));
        assertEquals(Optional.of("alice"), Directory.accountName("corp\\alice", "CORP"));
        assertEquals(Optional.empty(), Directory.accountName("OTHER\\alice", "CORP"));
        assertEquals(Optional.empty(), Directory.accountName("CORP\\", "CORP"));
        assertEquals(Optional.empty(), Directory.accountName("CORP\\a\\b", "CORP"));
    }
}
