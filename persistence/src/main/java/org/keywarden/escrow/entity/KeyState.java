package org.keywarden.escrow.entity;

/** The life of a recovery key, from escrow to proven removal from the device. */
public enum KeyState {
    /** Escrowed and in use on the device. */
    ACTIVE,
    /** Shown to someone; the device must rotate it. */
    DISCLOSED,
    /** Replaced on the device by a newer key. */
    SUPERSEDED,
    /** Superseded, and the device's status no longer lists the protector. */
    VERIFIED_REMOVED
}
