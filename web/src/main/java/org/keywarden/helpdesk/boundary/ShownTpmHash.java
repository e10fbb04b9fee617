package org.keywarden.helpdesk.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import org.keywarden.disclosure.control.DisclosedTpmOwnerHash;

/** A disclosed TPM owner hash on its way to the one answer that shows it, in request scope only. */
@Named
@RequestScoped
public class ShownTpmHash {

    private DisclosedTpmOwnerHash hash;

    void show(DisclosedTpmOwnerHash disclosed) {
        this.hash = disclosed;
    }

    public boolean isPresent() {
        return hash != null;
    }

    public DisclosedTpmOwnerHash getHash() {
        return hash;
    }
}
