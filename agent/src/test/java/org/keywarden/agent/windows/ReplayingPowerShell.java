package org.keywarden.agent.windows;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PC replayed from recorded PowerShell outputs: stands in for {@code powershell.exe} behind the
 * {@link PowerShell} seam, and records every command the agent would have run.
 *
 * <p>A recording is a folder {@code powershell/<pc>/} on the test class path. For each script the agent
 * runs it answers with the files {@code <operation>[-<GUID>][@<n>].stdout}, {@code .stderr} and
 * {@code .exit} (exit code; 0 if absent): {@code <GUID>} is the protector (else the volume) the script
 * names, {@code <n>} the PC's state: the number of protectors added or deleted so far (a successful
 * {@code add} or {@code delete} moves the PC to its next state). The most specific file wins.
 *
 * <p>A crash can be injected before or after an operation: the replay then throws {@link Crash} (an
 * {@code Error}, which nothing in the agent catches), as if the process had been killed at that point.
 * The PC (its state number) outlives the crash, like the real disk.
 *
 * <p>{@link #fresh(String)} gives the PC's volumes and protectors new GUIDs (consistently, in both
 * directions), so that several tests against one server can replay the same recording as different PCs.
 * Commands are recorded with the recording's GUIDs; {@link #real(String)} gives the one the agent saw.
 */
public final class ReplayingPowerShell implements PowerShell {
    private static final Pattern PROTECTOR = Pattern.compile("VolumeKeyProtectorID = '\\{([0-9A-F-]{36})\\}'");
    private static final Pattern VOLUME = Pattern.compile("-like '\\*\\{([0-9A-F-]{36})\\}\\*'");
    private static final Pattern SECRET = Pattern.compile("\"(NumericalPassword|KeyPackage|OwnerAuth)\":\\s*\"([^\"]+)\"");
    private static final Pattern ANY_GUID = Pattern.compile(
            "[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}");

    /** One command the agent ran. */
    public record Command(String operation, String volumeId, String protectorId, int state, String script) {
        /** {@code operation}, {@code operation-GUID} (the protector, else the volume). */
        public String name() {
            String id = protectorId != null ? protectorId : volumeId;
            return id == null ? operation : operation + "-" + id;
        }
    }

    /** The process was "killed" at an injected point. */
    public static final class Crash extends Error {
        private static final long serialVersionUID = 1L;

        Crash(String where) {
            super("simulated crash " + where);
        }
    }

    private final String pc;
    private final boolean renamed;
    private final Map<String, String> toReal = new HashMap<>();
    private final Map<String, String> toRecorded = new HashMap<>();
    private final List<Command> commands = new ArrayList<>();
    private final java.util.Set<String> answeredSecrets = new java.util.LinkedHashSet<>();
    private final Map<String, Consumer<Command>> before = new HashMap<>();
    private String crashBefore;
    private String crashAfter;
    private int state;

    /** The recording in {@code powershell/<pc>/}. */
    public ReplayingPowerShell(String pc) {
        this(pc, false);
    }

    private ReplayingPowerShell(String pc, boolean renamed) {
        this.pc = pc;
        this.renamed = renamed;
    }

    /** The recording in {@code powershell/<pc>/}, as a PC of its own: every GUID in it replaced by a new one. */
    public static ReplayingPowerShell fresh(String pc) {
        return new ReplayingPowerShell(pc, true);
    }

    /** The GUID the agent sees for a GUID of the recording (upper case). */
    public synchronized String real(String recorded) {
        String key = recorded.toUpperCase(java.util.Locale.ROOT);
        if (!renamed) {
            return key;
        }
        return toReal.computeIfAbsent(key, k -> {
            String id = java.util.UUID.randomUUID().toString().toUpperCase(java.util.Locale.ROOT);
            toRecorded.put(id, k);
            return id;
        });
    }

    private String recorded(String real) {
        return real == null ? null : toRecorded.getOrDefault(real.toUpperCase(java.util.Locale.ROOT), real);
    }

    private String renameAll(String text) {
        if (!renamed) {
            return text;
        }
        Matcher m = ANY_GUID.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String id = real(m.group());
            boolean lower = m.group().equals(m.group().toLowerCase(java.util.Locale.ROOT));
            m.appendReplacement(out, lower ? id.toLowerCase(java.util.Locale.ROOT) : id);
        }
        return m.appendTail(out).toString();
    }

    /** Crashes once just before the command with this name ({@link Command#name()} or its operation) runs. */
    public ReplayingPowerShell crashBefore(String command) {
        this.crashBefore = command;
        return this;
    }

    /** Crashes once just after the command with this name ran (its effect on the PC stays). */
    public ReplayingPowerShell crashAfter(String command) {
        this.crashAfter = command;
        return this;
    }

    /** Calls the check each time before a command of this operation runs (for example: is the new key stored?). */
    public ReplayingPowerShell beforeEach(String operation, Consumer<Command> check) {
        before.put(operation, check);
        return this;
    }

    /** The commands run so far, oldest first. */
    public synchronized List<Command> commands() {
        return List.copyOf(commands);
    }

    /** The names of the commands run so far. */
    public synchronized List<String> names() {
        return commands.stream().map(Command::name).toList();
    }

    /** The recovery passwords and key packages this PC handed out so far (so a test can look for them in logs). */
    public synchronized List<String> answeredSecrets() {
        return List.copyOf(answeredSecrets);
    }

    /** The PC's state number. */
    public synchronized int state() {
        return state;
    }

    @Override
    public synchronized Result run(String operation, String script, Duration timeout) {
        Command command = new Command(operation, recorded(find(VOLUME, script)), recorded(find(PROTECTOR, script)),
                state, script);
        Consumer<Command> check = before.get(operation);
        if (check != null) {
            check.accept(command);
        }
        if (matches(crashBefore, command)) {
            crashBefore = null;
            throw new Crash("before " + command.name());
        }
        commands.add(command);
        Result result = recorded(command);
        Matcher secret = SECRET.matcher(result.stdout());
        while (secret.find()) {
            answeredSecrets.add(secret.group(2));
        }
        if ((operation.equals(WmiScripts.ADD) || operation.equals(WmiScripts.DELETE)) && succeeded(result)) {
            state++;
        }
        if (matches(crashAfter, command)) {
            crashAfter = null;
            throw new Crash("after " + command.name());
        }
        return result;
    }

    private static boolean matches(String wanted, Command command) {
        return wanted != null && (wanted.equals(command.operation()) || wanted.equals(command.name()));
    }

    private Result recorded(Command c) {
        List<String> names = new ArrayList<>();
        for (String id : new String[] {c.protectorId(), c.volumeId(), null}) {
            String base = id == null ? c.operation() : c.operation() + "-" + id;
            names.add(base + "@" + c.state());
            names.add(base);
        }
        for (String name : names) {
            Optional<String> stdout = read(name + ".stdout");
            Optional<String> stderr = read(name + ".stderr");
            if (stdout.isPresent() || stderr.isPresent()) {
                int exit = read(name + ".exit").map(String::strip).map(Integer::parseInt).orElse(0);
                return new Result(exit, renameAll(stdout.orElse("")), renameAll(stderr.orElse("")));
            }
        }
        throw new AssertionError("no recorded output in powershell/" + pc + "/ for " + c.name() + " in state "
                + c.state() + " (looked for " + names + ")");
    }

    private Optional<String> read(String file) {
        try (InputStream in = ReplayingPowerShell.class.getResourceAsStream("/powershell/" + pc + "/" + file)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static boolean succeeded(Result result) {
        if (result.exitCode() != 0) {
            return false;
        }
        try (JsonReader reader = Json.createReader(new StringReader(result.stdout()))) {
            JsonValue v = reader.readValue();
            return v instanceof JsonObject o && o.getJsonNumber("ReturnValue") != null
                    && o.getJsonNumber("ReturnValue").longValue() == 0;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String find(Pattern pattern, String script) {
        Matcher m = pattern.matcher(script);
        return m.find() ? m.group(1) : null;
    }
}
