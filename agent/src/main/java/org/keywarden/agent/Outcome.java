package org.keywarden.agent;

/** Collects the exit code of a command that does several things: the first failure wins. */
final class Outcome {
    private int exitCode = ExitCodes.OK;

    void fail(int code) {
        if (exitCode == ExitCodes.OK) {
            exitCode = code;
        }
    }

    void fail(Exception e) {
        fail(Failures.exitCode(e));
    }

    int exitCode() {
        return exitCode;
    }
}
