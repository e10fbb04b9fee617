/** Self-service: a signed-in user gets the key of a volume on one of their own devices, and learns nothing of anyone else's. */
package org.keywarden.selfservice.control;
