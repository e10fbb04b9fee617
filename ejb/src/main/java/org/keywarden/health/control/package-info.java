/** Whether this node can serve: its database reachable with the schema it expects, its keystore open. */
package org.keywarden.health.control;
