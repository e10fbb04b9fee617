/**
 * HTTP client for the Keywarden device API ({@code /api/v1/devices}, see protocol.md): request and
 * response records, and {@link org.keywarden.agent.api.ProblemException} for non-2xx answers.
 */
package org.keywarden.agent.api;
