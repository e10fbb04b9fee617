/** Asking devices to replace recovery keys before anyone saw them: one device, one key, or every key older than N days. */
package org.keywarden.rotation.control;
