/** The admin REST API of the helpdesk: finding keys and disclosing one, audited. */
package org.keywarden.disclosure.boundary;
