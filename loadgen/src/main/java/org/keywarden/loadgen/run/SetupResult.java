package org.keywarden.loadgen.run;

import java.util.Map;

/**
 * How setting up the fleet went.
 *
 * @param requested        devices asked for
 * @param enrolled         devices enrolled
 * @param enrollErrors     failed enrollments by cause
 * @param initialKeys      recovery keys escrowed during setup
 * @param initialKeyErrors failed setup escrows by cause
 * @param seconds          time the setup took
 * @param failure          why the run cannot go on ({@link Failure#NONE} normally)
 */
public record SetupResult(int requested, int enrolled, Map<String, Long> enrollErrors, long initialKeys,
                          Map<String, Long> initialKeyErrors, double seconds, Failure failure) {

    /** Why nothing could be measured. */
    public enum Failure {
        /** The setup went well enough to run. */
        NONE,
        /** No enrollment got an answer: the server is unreachable. */
        UNREACHABLE,
        /** Enrollments were answered, none successfully (for example 401: wrong enrollment secret). */
        REJECTED
    }
}
