/** The disclosure path: check the right, audit, mark the key disclosed and ask for rotation, then show it. */
package org.keywarden.disclosure.control;
