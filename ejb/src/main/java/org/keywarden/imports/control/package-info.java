/** Importing the recovery keys an organisation already holds (Active Directory, MBAM, ConfigMgr, Entra ID). */
package org.keywarden.imports.control;
