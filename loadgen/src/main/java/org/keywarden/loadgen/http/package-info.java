/**
 * HTTP access to the Keywarden device API with {@link java.net.http.HttpClient} (HTTP/1.1,
 * pooled keep-alive connections, optionally trusting any TLS certificate), and the JSON bodies of
 * enroll, escrow and check-in.
 */
package org.keywarden.loadgen.http;
