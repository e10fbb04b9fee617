/** {@code POST /api/v1/admin/imports}: the keys an organisation already holds, imported. */
package org.keywarden.imports.boundary;
