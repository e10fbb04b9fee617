/** The recovery audit on the API and in the reports portal: filtered events, CSV export, verification of the trail. */
package org.keywarden.audit.boundary;
