/** The self-service portal: a signed-in user recovers the drive of one of their own devices. */
package org.keywarden.selfservice.boundary;
