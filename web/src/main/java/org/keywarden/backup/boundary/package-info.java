/** {@code POST /api/v1/admin/backups}: an administrator takes a backup of the installation. */
package org.keywarden.backup.boundary;
