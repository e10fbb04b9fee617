package org.keywarden.client;

import java.net.URI;
import java.util.Locale;

/**
 * The rule for a server URL the agent or {@code keywarden-admin} is given: {@code https://}, or
 * {@code http://} only to this machine (localhost, 127.0.0.0/8, ::1), where nothing crosses a network;
 * plain HTTP to another host sends tokens and passwords in clear, so it needs an explicit
 * {@code --allow-plain-http} (a TLS-terminating proxy on a trusted segment, say).
 */
public final class ServerAddress {

    private ServerAddress() {
    }

    /** @throws IllegalArgumentException naming the URL's host and the way out */
    public static URI check(URI server, boolean allowPlainHttp) {
        String scheme = server.getScheme() == null ? "" : server.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new IllegalArgumentException("the server URL must start with https:// (or http:// to this machine), not "
                    + server.getScheme() + ":");
        }
        if (scheme.equals("http") && !allowPlainHttp && !isLoopback(server.getHost())) {
            throw new IllegalArgumentException("http:// to " + server.getHost() + " would send the device token and "
                    + "passwords in clear: use https:// (or, behind a TLS proxy on a trusted network, --allow-plain-http)");
        }
        return server;
    }

    static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.equals("localhost") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1")
                || h.matches("127(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}");
    }
}
