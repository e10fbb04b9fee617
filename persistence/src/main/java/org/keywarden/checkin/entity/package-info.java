/** The latest status each device reported for each of its volumes. */
package org.keywarden.checkin.entity;
