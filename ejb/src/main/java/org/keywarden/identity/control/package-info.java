/** Who may use the portals and the admin API: the built-in user store behind Jakarta Security. */
package org.keywarden.identity.control;
