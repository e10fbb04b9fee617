/** The settings administrators change at run time: {@code /api/v1/admin/settings} and the page {@code /admin/settings}. */
package org.keywarden.settings.boundary;
