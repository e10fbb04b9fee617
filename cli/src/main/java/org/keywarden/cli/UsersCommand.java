package org.keywarden.cli;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code users}: the built-in users and their roles (list, add, set-roles, disable, enable). */
@Command(name = "users", mixinStandardHelpOptions = true, description = "Users and roles of the built-in store.",
        subcommands = {UsersCommand.ListUsers.class, UsersCommand.AddUser.class, UsersCommand.SetRoles.class,
            UsersCommand.Disable.class, UsersCommand.Enable.class})
final class UsersCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing required subcommand");
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Every user with roles, state and last sign-in.")
    static final class ListUsers extends AdminCommand {
        @Override
        protected int execute(AdminContext ctx) {
            JsonObject answer = ctx.api().users();
            if (ctx.json()) {
                ctx.printJson(answer.toString());
                return ExitCodes.OK;
            }
            TextTable table = new TextTable(List.of("USER", "ROLES", "STATE", "LAST SIGN-IN"));
            for (JsonObject user : answer.getJsonArray("users").getValuesAs(JsonObject.class)) {
                table.add(user.getString("username"), roles(user), user.getBoolean("disabled") ? "disabled" : "enabled",
                        user.getString("lastSignInAt", "-"));
            }
            table.print(ctx.out(), "");
            return ExitCodes.OK;
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add a user; the password comes from --new-password-file, or one line on standard input.")
    static final class AddUser extends AdminCommand {
        @Parameters(index = "0", paramLabel = "USERNAME", description = "name or DOMAIN\\name")
        String username;

        @Option(names = "--role", paramLabel = "ROLE", description = "HELPDESK, ADVANCED_HELPDESK, REPORT_VIEWER or ADMIN "
                + "(repeatable; none: self-service only)")
        List<String> roles = new ArrayList<>();

        @Option(names = "--new-password-file", paramLabel = "FILE", description = "File holding the new user's password.")
        Path passwordFile;

        @Override
        protected int execute(AdminContext ctx) {
            char[] password = passwordFile != null ? Passwords.read(passwordFile, name -> null) : line(ctx);
            JsonObject created = ctx.api().addUser(username, password, roles);
            java.util.Arrays.fill(password, '\0');
            if (ctx.json()) {
                ctx.printJson(created.toString());
            } else {
                ctx.out().println("Added " + created.getString("username") + " with roles " + roles(created) + ".");
            }
            return ExitCodes.OK;
        }

        private static char[] line(AdminContext ctx) {
            String line = ctx.readLine();
            if (line == null || line.isEmpty()) {
                throw new LocalProblem("no password: give --new-password-file FILE or one line on standard input");
            }
            return line.toCharArray();
        }
    }

    @Command(name = "set-roles", mixinStandardHelpOptions = true, description = "Replace a user's roles (none: self-service only).")
    static final class SetRoles extends AdminCommand {
        @Parameters(index = "0", paramLabel = "USERNAME")
        String username;

        @Parameters(index = "1..*", paramLabel = "ROLE", arity = "0..*")
        List<String> roles = new ArrayList<>();

        @Override
        protected int execute(AdminContext ctx) {
            JsonObject changed = ctx.api().changeUser(username, Json.createObjectBuilder()
                    .add("roles", Json.createArrayBuilder(roles)).build());
            return report(ctx, changed, "now has roles " + roles(changed));
        }
    }

    /** Disabling and enabling differ only in the value they set. */
    abstract static class SetDisabled extends AdminCommand {
        @Parameters(index = "0", paramLabel = "USERNAME")
        String username;

        abstract boolean disabled();

        @Override
        protected int execute(AdminContext ctx) {
            return report(ctx, ctx.api().changeUser(username, Json.createObjectBuilder().add("disabled", disabled()).build()),
                    disabled() ? "is disabled" : "is enabled");
        }
    }

    @Command(name = "disable", mixinStandardHelpOptions = true, description = "Disable a user: they can no longer sign in.")
    static final class Disable extends SetDisabled {
        @Override
        boolean disabled() {
            return true;
        }
    }

    @Command(name = "enable", mixinStandardHelpOptions = true, description = "Enable a disabled user again.")
    static final class Enable extends SetDisabled {
        @Override
        boolean disabled() {
            return false;
        }
    }

    static int report(AdminContext ctx, JsonObject user, String what) {
        if (ctx.json()) {
            ctx.printJson(user.toString());
        } else {
            ctx.out().println(user.getString("username") + " " + what + ".");
        }
        return ExitCodes.OK;
    }

    static String roles(JsonObject user) {
        String list = user.getJsonArray("roles").getValuesAs(JsonString.class).stream().map(JsonString::getString)
                .collect(Collectors.joining(","));
        return list.isEmpty() ? "(none)" : list;
    }
}
