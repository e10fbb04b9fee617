/** Volumes, their escrowed recovery keys and the devices' TPM owner information. */
package org.keywarden.escrow.entity;
