/** The built-in user store: users, their PBKDF2 password hashes and their roles. */
package org.keywarden.identity.entity;
