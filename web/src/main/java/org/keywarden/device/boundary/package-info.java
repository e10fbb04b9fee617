/** The device API's enrollment endpoint and the bearer-token check every other device endpoint passes. */
package org.keywarden.device.boundary;
