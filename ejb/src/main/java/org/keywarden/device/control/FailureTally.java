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
 * those beyond it are refused, the rest are only counted, and a window that ends with failures not
 * audited one by one is handed back once for one summary event. IPv6 addresses count by their /64. At most {@link #MAX_SOURCES} sources are tracked; beyond that (a flood from many
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
        /** Below the limit: only counted. */
        COUNTED,
        /** Beyond the limit: counted, and refused until the window ends. */
        REFUSED
    }

    /** A counted failure: what it is worth, and how long until its window ends. */
    public record Counted(Verdict verdict, Duration windowLeft) {
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

    /** Counts one failure of the source, and says, in one step, what it is worth. */
    public Counted fail(String source, Instant now, int limit, Duration window) {
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
                Verdict verdict = current.failures == 1 ? Verdict.FIRST : current.failures == limit
                        ? Verdict.THROTTLED_NOW : current.failures > limit ? Verdict.REFUSED : Verdict.COUNTED;
                return new Counted(verdict, Duration.between(now, current.start.plus(window)));
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

    /**
     * An IPv6 address counts by its /64 (one site's or one customer's network, which hands out the rest
     * freely): {@code 2001:db8:1:2::/64}; an IPv4 address by itself.
     */
    static String prefixOf(String source) {
        if (source.indexOf(':') < 0 || !source.matches("[0-9A-Fa-f:]+")) {
            return source;
        }
        try {
            byte[] bytes = java.net.InetAddress.getByName(source).getAddress(); // a literal: no lookup
            if (bytes.length != 16) {
                return source;
            }
            StringBuilder prefix = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
            }
            return prefix.append(":/64").toString();
        } catch (java.net.UnknownHostException e) {
            return source;
        }
    }

    int sources() {
        return windows.size();
    }

    private String keyOf(String source) {
        String key = source == null ? "(unknown)" : prefixOf(source);
        return windows.size() >= MAX_SOURCES && !windows.containsKey(key) ? OTHER_SOURCES : key;
    }
}
