/** {@code GET /api/v1/metrics} for Prometheus, and the count and timing of every API request. */
package org.keywarden.metrics.boundary;
