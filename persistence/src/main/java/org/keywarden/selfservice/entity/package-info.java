/** What self-service keeps of its own: the failed lookups that lock a user out for a while. */
package org.keywarden.selfservice.entity;
