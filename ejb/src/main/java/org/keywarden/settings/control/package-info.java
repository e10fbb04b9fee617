/** Server-wide settings stored in the database: the branding and the times and lockouts administrators change at run time. */
package org.keywarden.settings.control;
