package org.keywarden.crypto.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.keywarden.audit.control.AuditRecord;
import org.keywarden.audit.control.AuditTrail;
import org.keywarden.audit.control.Caller;
import org.keywarden.settings.control.StoredSettings;

/**
 * Ends the re-wrap once across nodes: every node that resumed the job works through the records, and the
 * first whose loop finds nothing left marks the job done and audits it, in one transaction with the job's
 * state row locked. The others find it done and end quietly.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class FinishRewrap {

    @Inject
    StoredSettings settings;

    @Inject
    AuditTrail audit;

    @Inject
    SealedRecords records;

    /** Whether this node ended the job (false: it was done, cancelled or never running). */
    public boolean ifStillRunning(String target, long movedHere, int failedHere) {
        if (!settings.changeIf(RewrapJob.STATE, RewrapJob.RUNNING, "DONE", "system")) {
            return false;
        }
        long left = records.notSealedWith(target);
        audit.record(AuditRecord.success(new Caller("system", null), "ENCRYPTION_REWRAP_FINISHED", null)
                .withDetail((records.total() - left) + " of " + records.total() + " record(s) sealed to certificate "
                        + target + "; " + movedHere + " moved by the node that finished"
                        + (failedHere == 0 ? "" : "; " + failedHere + " could not be opened")));
        return true;
    }
}
