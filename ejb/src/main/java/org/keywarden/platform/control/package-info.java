/** What every use case shares: refusals of invalid input and of a caller without the right, raised where the rules live. */
package org.keywarden.platform.control;
