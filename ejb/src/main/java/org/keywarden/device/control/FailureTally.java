package org.keywarden.device.control;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Failures of one kind per source address in fixed windows, in this node's memory: the first failure
 * of a window is worth an audit event of its own, the one that reaches the limit starts the throttle,
 * the rest are only counted, and a window that ends with uncounted failures is handed back once for
 * one summary event. At most {@link #MAX_SOURCES} sources are tracked; beyond that (a flood from many
 * addresses) the newcomers share one entry, {@link #OTHER_SOURCES}, and are throttled together.
 */
public final class FailureTally {

    static final int MAX_SOURCES = 100_000;
    public static final String OTHER_SOURCES = "(other addresses)";

    /** What a failure is worth. */
    public enum Verdict {
        /** The first of its window: audit it as it is. */
        FIRST,
        /** Reached the limit: audit that the source is throttled now. */
        THROTTLED_NOW,
        /** Only counted. */
        COUNTED
    }

    /** A window that ended with failures that were counted but not audited one by one. */
    public record Closed(String source, Instant from, Instant to, int failures, int counted) {
    }

    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final Queue<Closed> ended = new ConcurrentLinkedQueue<>();

    private static final class Window {
        final Instant start;
        int failures;
        boolean closed;

        Window(Instant start) {
            this.start = start;
        }
    }

    /** How long the source must wait, when it made {@code limit} failures within the current window. */
    public Optional<Duration> throttled(String source, Instant now, int limit, Duration window) {
        Window current = windows.get(keyOf(source));
        if (current == null) {
            return Optional.empty();
        }
        synchronized (current) {
            Instant end = current.start.plus(window);
            return !current.closed && current.failures >= limit && now.isBefore(end)
                    ? Optional.of(Duration.between(now, end)) : Optional.empty();
        }
    }

    /** Counts one failure of the source (a throttled request counts too). */
    public Verdict fail(String source, Instant now, int limit, Duration window) {
        String key = keyOf(source);
        while (true) {
            Window current = windows.computeIfAbsent(key, k -> new Window(now));
            synchronized (current) {
                if (current.closed) {
                    continue; // closed by another thread meanwhile: a fresh window follows
                }
                if (!now.isBefore(current.start.plus(window))) {
                    close(key, current, limit, window);
                    continue;
                }
                current.failures++;
                return current.failures == 1 ? Verdict.FIRST : current.failures == limit ? Verdict.THROTTLED_NOW
                        : Verdict.COUNTED;
            }
        }
    }

    /** Closes the windows that ended; those with failures not audited one by one are returned, once, for a summary. */
    public List<Closed> drain(Instant now, int limit, Duration window) {
        for (Map.Entry<String, Window> entry : windows.entrySet()) {
            Window w = entry.getValue();
            synchronized (w) {
                if (!w.closed && !now.isBefore(w.start.plus(window))) {
                    close(entry.getKey(), w, limit, window);
                }
            }
        }
        List<Closed> closed = new ArrayList<>();
        for (Closed c = ended.poll(); c != null; c = ended.poll()) {
            closed.add(c);
        }
        return closed;
    }

    /** Under the window's lock. */
    private void close(String key, Window w, int limit, Duration window) {
        w.closed = true;
        windows.remove(key, w);
        int audited = (w.failures > 0 ? 1 : 0) + (limit > 1 && w.failures >= limit ? 1 : 0);
        if (w.failures > audited) {
            ended.add(new Closed(key, w.start, w.start.plus(window), w.failures, w.failures - audited));
        }
    }

    int sources() {
        return windows.size();
    }

    private String keyOf(String source) {
        String key = source == null ? "(unknown)" : source;
        return windows.size() >= MAX_SOURCES && !windows.containsKey(key) ? OTHER_SOURCES : key;
    }
}
