/** What every Keywarden client shares (agent, keywarden-admin, load generator): the HTTP client with its TLS options, GUIDs and recovery passwords. */
package org.keywarden.client;
