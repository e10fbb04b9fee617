/** The admin API of encryption at rest: status, certificates and backup confirmation. */
package org.keywarden.crypto.boundary;
