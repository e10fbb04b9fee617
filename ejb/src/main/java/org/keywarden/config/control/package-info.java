/** Keywarden's settings, read through MicroProfile Config with defaults that need no configuration. */
package org.keywarden.config.control;
