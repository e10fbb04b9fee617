/** Black-box integration tests: the real EAR on a real WildFly and database, driven over real HTTP. */
package org.keywarden.it;
