package org.keywarden.identity.control;

/** Where a sign-in came from: the portals' form, or HTTP Basic on the API. */
public enum SignInChannel {
    PORTAL,
    API
}
