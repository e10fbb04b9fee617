/** The REST application itself: problem+json errors, body limits and request-field validation. */
package org.keywarden.platform.boundary;
