package org.keywarden.platform.boundary;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import org.keywarden.config.control.KeywardenSettings;
import org.keywarden.config.control.TrustedProxies;

/**
 * Where a request came from and how, as the audit and the transport rules see it: the peer, or the
 * client a trusted proxy ({@code KEYWARDEN_TRUSTED_PROXIES}) names in {@code X-Forwarded-For}; secure
 * when it arrived over HTTPS, or from a trusted proxy that says {@code X-Forwarded-Proto: https}.
 */
public final class ClientAddress {

    private static final String ATTRIBUTE = ClientAddress.class.getName();
    private static volatile TrustedProxies proxies;

    private ClientAddress() {
    }

    /** The client's address, for the audit and the per-address throttles. */
    public static String of(HttpServletRequest request) {
        Object known = request.getAttribute(ATTRIBUTE);
        if (known instanceof String address) {
            return address;
        }
        String address = proxies().clientOf(request.getRemoteAddr(), Collections.list(request.getHeaders("X-Forwarded-For")));
        request.setAttribute(ATTRIBUTE, address);
        return address;
    }

    /** Whether the request reached us over HTTPS (directly, or through a trusted proxy that says so). */
    public static boolean isSecure(HttpServletRequest request) {
        return request.isSecure() || fromTrustedProxy(request)
                && "https".equalsIgnoreCase(request.getHeader("X-Forwarded-Proto"));
    }

    /** Whether the request may carry credentials or change anything: over HTTPS, or from a trusted proxy. */
    public static boolean mayCarryCredentials(HttpServletRequest request) {
        return request.isSecure() || fromTrustedProxy(request);
    }

    private static boolean fromTrustedProxy(HttpServletRequest request) {
        return proxies().contains(request.getRemoteAddr());
    }

    private static TrustedProxies proxies() {
        TrustedProxies known = proxies;
        if (known == null) {
            known = CDI.current().select(KeywardenSettings.class).get().trustedProxies();
            proxies = known;
        }
        return known;
    }
}
