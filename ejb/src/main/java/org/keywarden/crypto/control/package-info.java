/** All cryptography of Keywarden: digests, random tokens and the codec that seals secrets at rest. */
package org.keywarden.crypto.control;
