/** Reading and changing server-wide settings stored in the database. */
package org.keywarden.settings.control;
