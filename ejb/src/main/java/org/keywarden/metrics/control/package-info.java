/** Counts what this node does and writes it in the Prometheus text format, naming no device, user or key. */
package org.keywarden.metrics.control;
