/** Escrow of recovery keys and TPM owner information, and the rules their values must follow. */
package org.keywarden.escrow.control;
