/** Reading the keys an organisation already holds (Active Directory, MBAM, ConfigMgr, Entra ID) into import rows. */
package org.keywarden.cli.imports;
