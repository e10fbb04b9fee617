package org.keywarden.escrow.entity;

/** The kind of BitLocker volume, as Windows reports it. */
public enum VolumeType {
    OS,
    FIXED,
    REMOVABLE
}
