package org.keywarden.audit.entity;

/** Whether the audited attempt succeeded. */
public enum Outcome {
    SUCCESS,
    FAILURE
}
