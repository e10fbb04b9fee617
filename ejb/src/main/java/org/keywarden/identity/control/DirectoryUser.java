package org.keywarden.identity.control;

import java.util.Set;

/** A user as the directory describes them: {@code DOMAIN\name}, the user principal name (or null), and their groups' DNs (normalized). */
public record DirectoryUser(String principal, String userPrincipalName, Set<String> groups) {
}
