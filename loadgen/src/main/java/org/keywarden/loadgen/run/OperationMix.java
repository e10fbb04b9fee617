package org.keywarden.loadgen.run;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.random.RandomGenerator;

/**
 * Weights of the operations, parsed from {@code escrow=1,checkin=9}: each request picks an
 * operation with probability weight / total. Weights are whole numbers >= 0; operations not
 * named get weight 0; at least one weight must be positive.
 */
public final class OperationMix {
    private final Map<Operation, Integer> weights;
    private final Operation[] operations;
    private final long[] cumulative;
    private final long total;

    private OperationMix(Map<Operation, Integer> weights) {
        this.weights = Collections.unmodifiableMap(new EnumMap<>(weights));
        this.operations = weights.entrySet().stream().filter(e -> e.getValue() > 0).map(Map.Entry::getKey)
                .toArray(Operation[]::new);
        this.cumulative = new long[operations.length];
        long sum = 0;
        for (int i = 0; i < operations.length; i++) {
            sum += weights.get(operations[i]);
            cumulative[i] = sum;
        }
        this.total = sum;
    }

    /**
     * @throws IllegalArgumentException with a message fit for the user
     */
    public static OperationMix parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("the mix is empty (expected for example escrow=1,checkin=9)");
        }
        Map<Operation, Integer> weights = new EnumMap<>(Operation.class);
        for (String part : text.split(",", -1)) {
            String item = part.strip();
            int eq = item.indexOf('=');
            if (eq <= 0 || eq == item.length() - 1) {
                throw new IllegalArgumentException("'" + item + "' is not operation=weight");
            }
            Operation op = Operation.ofLabel(item.substring(0, eq).strip());
            int weight;
            try {
                weight = Integer.parseInt(item.substring(eq + 1).strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("the weight of " + op.label() + " is not a whole number");
            }
            if (weight < 0) {
                throw new IllegalArgumentException("the weight of " + op.label() + " is negative");
            }
            if (weights.put(op, weight) != null) {
                throw new IllegalArgumentException(op.label() + " is named twice");
            }
        }
        if (weights.values().stream().mapToLong(Integer::longValue).sum() <= 0) {
            throw new IllegalArgumentException("at least one weight must be positive");
        }
        return new OperationMix(weights);
    }

    /** An operation drawn at random according to the weights. */
    public Operation pick(RandomGenerator random) {
        if (operations.length == 1) {
            return operations[0];
        }
        long r = random.nextLong(total);
        for (int i = 0; i < cumulative.length; i++) {
            if (r < cumulative[i]) {
                return operations[i];
            }
        }
        return operations[operations.length - 1];
    }

    /** The weight of {@code op} (0 if not named). */
    public int weight(Operation op) {
        return weights.getOrDefault(op, 0);
    }

    /** Whether some request needs an already enrolled device. */
    public boolean needsDevices() {
        return weight(Operation.ESCROW) > 0 || weight(Operation.CHECKIN) > 0;
    }

    /** Whether every request is a health check: nothing to enroll, no enrollment secret needed. */
    public boolean healthOnly() {
        return operations.length == 1 && operations[0] == Operation.HEALTH;
    }

    /** The weights as named, in operation order. */
    public Map<Operation, Integer> weights() {
        return weights;
    }

    /** Canonical form, for example {@code escrow=1,checkin=9}. */
    @Override
    public String toString() {
        StringJoiner j = new StringJoiner(",");
        weights.forEach((op, w) -> j.add(op.label() + "=" + w));
        return j.toString();
    }
}
