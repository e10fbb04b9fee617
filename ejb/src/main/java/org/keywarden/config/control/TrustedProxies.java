package org.keywarden.config.control;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The proxies whose {@code X-Forwarded-For} is believed and who may send credentials over plain HTTP
 * ({@code KEYWARDEN_TRUSTED_PROXIES}: addresses or CIDR ranges, comma-separated; default this machine,
 * {@code 127.0.0.1,::1}). Only address literals are read, so that nothing here ever asks DNS. Each
 * proxy must append the address it saw to {@code X-Forwarded-For} (HAProxy's {@code option forwardfor},
 * nginx's {@code $proxy_add_x_forwarded_for}); one that passes the header on untouched lets clients name
 * themselves.
 */
public final class TrustedProxies {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    /** Starts with a hex digit or a colon, as InetAddress needs to parse it as a literal (anything else it looks up). */
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:][0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*|[0-9A-Fa-f:]:");

    private record Range(byte[] network, int prefix) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    private final List<Range> ranges;

    private TrustedProxies(List<Range> ranges) {
        this.ranges = ranges;
    }

    /** @throws IllegalStateException naming the setting and the entry that is neither an address nor a range */
    public static TrustedProxies parse(String setting) {
        List<Range> ranges = new ArrayList<>();
        for (String entry : setting.split(",")) {
            String trimmed = entry.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            int slash = trimmed.indexOf('/');
            byte[] address = literal(slash < 0 ? trimmed : trimmed.substring(0, slash));
            int prefix;
            try {
                prefix = slash < 0 ? address == null ? 0 : address.length * 8 : Integer.parseInt(trimmed.substring(slash + 1));
            } catch (NumberFormatException e) {
                prefix = -1;
            }
            if (address == null || prefix < 0 || prefix > address.length * 8) {
                throw new IllegalStateException("KEYWARDEN_TRUSTED_PROXIES: '" + trimmed
                        + "' is not an IP address or a CIDR range such as 10.0.0.0/8");
            }
            ranges.add(new Range(address, prefix));
        }
        return new TrustedProxies(List.copyOf(ranges));
    }

    public boolean contains(String address) {
        byte[] bytes = literal(address);
        return bytes != null && ranges.stream().anyMatch(r -> r.contains(bytes));
    }

    /**
     * The client's address: the peer's, unless the peer is a trusted proxy; then the right-most address of
     * {@code X-Forwarded-For} (all its headers in order) that is not a trusted proxy, each proxy having
     * appended the address it saw. What a client wrote further left is never believed.
     */
    public String clientOf(String peer, List<String> forwardedFor) {
        if (!contains(peer) || forwardedFor.isEmpty()) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        for (String header : forwardedFor) {
            for (String hop : header.split(",")) {
                hops.add(hop.strip());
            }
        }
        String client = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            if (literal(hops.get(i)) == null) {
                return client;
            }
            client = hops.get(i);
            if (!contains(client)) {
                return client;
            }
        }
        return client;
    }

    private static byte[] literal(String text) {
        if (text == null || text.length() > 45 || !(IPV4.matcher(text).matches() || IPV6.matcher(text).matches())) {
            return null;
        }
        if (IPV4.matcher(text).matches()) {
            byte[] bytes = new byte[4];
            String[] octets = text.split("\\.");
            for (int i = 0; i < 4; i++) {
                int octet = Integer.parseInt(octets[i]);
                if (octet > 255) {
                    return null;
                }
                bytes[i] = (byte) octet;
            }
            return bytes;
        }
        try {
            return InetAddress.getByName(text).getAddress(); // has a colon: parsed as IPv6, never looked up
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
