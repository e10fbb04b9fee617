/** Enrolled devices, their credentials (hashed) and the users associated with them. */
package org.keywarden.device.entity;
