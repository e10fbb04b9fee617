/** The append-only, hash-chained audit trail. */
package org.keywarden.audit.entity;
