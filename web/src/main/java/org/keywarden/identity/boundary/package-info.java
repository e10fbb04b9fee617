/** How people authenticate: HTTP Basic against the built-in user store for the admin API. */
package org.keywarden.identity.boundary;
