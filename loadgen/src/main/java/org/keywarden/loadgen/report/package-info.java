/**
 * Reports of a load run: the human summary and the JSON result (same figures, plus the
 * parameters, times, Java version and processor count). Neither ever contains a secret.
 */
package org.keywarden.loadgen.report;
