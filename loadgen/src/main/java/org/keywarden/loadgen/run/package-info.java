/**
 * The load run: the operation mix, enrolling the simulated fleet, the workers (closed loop, or
 * paced at a fixed rate with HdrHistogram's coordinated-omission correction), and the statistics
 * they collect.
 */
package org.keywarden.loadgen.run;
