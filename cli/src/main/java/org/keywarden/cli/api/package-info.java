/**
 * HTTP client for the Keywarden admin REST API ({@code /api/v1/admin}, HTTP Basic as an ADMIN):
 * {@link org.keywarden.cli.api.AdminApi}, its answer records (each keeps the raw JSON it was read
 * from), and the exceptions for error answers ({@link org.keywarden.cli.api.ProblemException}) and
 * for no usable answer ({@link org.keywarden.cli.api.ServerUnreachableException}).
 */
package org.keywarden.cli.api;
