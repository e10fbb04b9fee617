/** A consistent backup of an installation (database, encryption keystore, TLS identity, audit checkpoints). */
package org.keywarden.backup.control;
