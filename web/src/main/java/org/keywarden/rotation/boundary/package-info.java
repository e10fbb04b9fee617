/** "Rotate now" on the admin API and the helpdesk portal's device page. */
package org.keywarden.rotation.boundary;
