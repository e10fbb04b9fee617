package org.keywarden.agent;

import org.keywarden.agent.api.DeviceApiException;
import org.keywarden.agent.api.ProblemException;
import org.keywarden.agent.api.Redaction;

/** Maps exceptions to one-line, secret-free messages and exit codes. */
final class Failures {
    private Failures() {
    }

    static int exitCode(Exception e) {
        if (e instanceof ProblemException) {
            return ExitCodes.SERVER_REJECTED;
        }
        if (e instanceof DeviceApiException) {
            return ExitCodes.SERVER_UNREACHABLE;
        }
        return ExitCodes.LOCAL_ERROR;
    }

    static String message(Exception e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            m = e.getClass().getSimpleName();
        }
        return Redaction.scrub(m);
    }
}
