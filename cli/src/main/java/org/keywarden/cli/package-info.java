/**
 * {@code keywarden-admin}, the administrator's command line (picocli) for the Keywarden admin REST
 * API: {@code encryption status | confirm-backup | add-certificate | retire-certificate} and
 * {@code encryption rewrap status | start | cancel}, started from
 * {@link org.keywarden.cli.KeywardenAdmin}.
 */
package org.keywarden.cli;
