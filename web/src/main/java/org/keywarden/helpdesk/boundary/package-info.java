/** The helpdesk portal's pages: search by key ID or computer name, the device page, and recovering a drive. */
package org.keywarden.helpdesk.boundary;
