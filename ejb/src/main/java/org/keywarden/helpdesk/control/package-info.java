/** What the helpdesk portal looks up: devices by hostname and a device's volumes, protectors and key history; never a secret. */
package org.keywarden.helpdesk.control;
