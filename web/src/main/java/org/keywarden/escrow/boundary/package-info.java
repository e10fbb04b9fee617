/** The device API's write-only escrow endpoints: recovery keys and TPM owner information. */
package org.keywarden.escrow.boundary;
