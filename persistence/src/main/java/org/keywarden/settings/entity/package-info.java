/** Server-wide settings that administrators change while Keywarden runs. */
package org.keywarden.settings.entity;
