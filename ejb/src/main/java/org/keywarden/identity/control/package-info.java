/** Who may use the portals and the admin API: built-in users and directory (LDAP, Active Directory) users, one sign-in with lockout and audit. */
package org.keywarden.identity.control;
