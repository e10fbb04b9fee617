/** Writing the hash-chained audit trail. */
package org.keywarden.audit.control;
