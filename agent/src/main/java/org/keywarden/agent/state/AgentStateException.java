package org.keywarden.agent.state;

/** The state directory cannot be read or written, or lacks what a command needs. */
public class AgentStateException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AgentStateException(String message) {
        super(message);
    }

    public AgentStateException(String message, Throwable cause) {
        super(message, cause);
    }
}
