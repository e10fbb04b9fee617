/** Mapping helpers shared by all entities. */
package org.keywarden.platform.entity;
