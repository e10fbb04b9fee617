package org.keywarden.imports.control;

/** Where imported keys come from. */
public enum ImportSource {
    ACTIVE_DIRECTORY, MBAM, CONFIGMGR, ENTRA_ID
}
