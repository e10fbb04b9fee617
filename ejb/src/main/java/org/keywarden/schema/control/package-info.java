/** Versioned schema migrations, applied at start-up before the service answers. */
package org.keywarden.schema.control;
