/** What every portal page stands on: headers, refusals of forged posts, error pages, the session's idle timer and the home page. */
package org.keywarden.portal.boundary;
