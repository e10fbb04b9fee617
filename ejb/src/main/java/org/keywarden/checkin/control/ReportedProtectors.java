package org.keywarden.checkin.control;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The stored form of a volume's protector list: {@code TYPE:GUID} entries separated by commas. */
final class ReportedProtectors {

    private ReportedProtectors() {
    }

    static String format(List<ProtectorReport> protectors) {
        return protectors.stream().map(p -> p.type() + ":" + p.id()).collect(Collectors.joining(","));
    }

    static List<ProtectorReport> parse(String stored) {
        List<ProtectorReport> protectors = new ArrayList<>();
        if (stored == null || stored.isEmpty()) {
            return protectors;
        }
        for (String entry : stored.split(",")) {
            int colon = entry.lastIndexOf(':');
            protectors.add(new ProtectorReport(entry.substring(colon + 1), entry.substring(0, colon)));
        }
        return protectors;
    }
}
