/** Liveness for load balancers and monitoring: answers without touching the database. */
package org.keywarden.health.boundary;
