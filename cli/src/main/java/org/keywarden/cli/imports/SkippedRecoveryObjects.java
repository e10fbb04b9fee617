package org.keywarden.cli.imports;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code msFVE-RecoveryInformation} objects a read left out, with why: names and reasons only, never a
 * password or key package.
 */
public final class SkippedRecoveryObjects {

    /**
     * One object left out.
     *
     * @param distinguishedName its DN (it names the computer and the recovery key ID, which are not secret)
     * @param reason            why it was left out
     */
    public record Skipped(String distinguishedName, SkipReason reason) {
    }

    private final List<Skipped> skipped = new ArrayList<>();

    void add(String distinguishedName, SkipReason reason) {
        skipped.add(new Skipped(distinguishedName, reason));
    }

    /** How many objects were left out. */
    public int count() {
        return skipped.size();
    }

    /** How many objects were left out for this reason. */
    public int count(SkipReason reason) {
        return (int) skipped.stream().filter(s -> s.reason() == reason).count();
    }

    /** The objects left out. */
    public List<Skipped> entries() {
        return List.copyOf(skipped);
    }

    /**
     * One line for the administrator, e.g. {@code 2 recovery objects skipped: 1 without msFVE-RecoveryPassword
     * (...), 1 without msFVE-RecoveryGuid}, or {@code no recovery object skipped}.
     */
    public String summary() {
        if (skipped.isEmpty()) {
            return "no recovery object skipped";
        }
        Map<SkipReason, Integer> counts = new EnumMap<>(SkipReason.class);
        skipped.forEach(s -> counts.merge(s.reason(), 1, Integer::sum));
        StringBuilder summary = new StringBuilder().append(skipped.size())
                .append(skipped.size() == 1 ? " recovery object" : " recovery objects").append(" skipped: ");
        String separator = "";
        for (Map.Entry<SkipReason, Integer> count : counts.entrySet()) {
            summary.append(separator).append(count.getValue()).append(' ').append(count.getKey().description());
            separator = ", ";
        }
        return summary.toString();
    }

    @Override
    public String toString() {
        return summary();
    }
}
