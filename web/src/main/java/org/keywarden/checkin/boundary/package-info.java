/** The device API's check-in and pending-actions endpoints. */
package org.keywarden.checkin.boundary;
