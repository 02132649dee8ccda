package io.truecount.app.cli;

import io.truecount.app.security.ApiTokens;
import io.truecount.app.security.NewToken;
import io.truecount.app.security.Role;
import io.truecount.app.security.TokenInfo;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code truecount token}: API tokens for scripts and the console (docs/security.md). */
@Command(
        name = "token",
        mixinStandardHelpOptions = true,
        description = "Create, list and revoke API tokens.",
        subcommands = {TokenCommand.Create.class, TokenCommand.ListTokens.class, TokenCommand.Revoke.class})
class TokenCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.INVALID_CONFIG;
    }

    @Command(
            name = "create",
            mixinStandardHelpOptions = true,
            description = "Create a token and print it on stdout. It is shown this once: only its hash is stored.",
            footer = LedgerCommand.EXIT_CODES)
    static class Create extends LedgerCommand {

        @Parameters(paramLabel = "NAME", description = "A name for who uses it, e.g. 'alice' or 'ci'; never reused.")
        String name;

        @Option(
                names = "--role",
                required = true,
                paramLabel = "ROLE",
                description = "viewer (read everything), approver (+ invoice and reconciliation decisions, trigger"
                        + " syncs and cycles) or admin (+ void, replay, config reload, tokens).")
        String role;

        @Mixin
        ActorOptions actor;

        @Override
        void checkArguments() {
            try {
                Role.of(role);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--role: " + e.getMessage());
            }
        }

        @Override
        int run(Ledger ledger, PrintWriter out) {
            NewToken token;
            try {
                token = ledger.beans().getBean(ApiTokens.class).create(name, Role.of(role), actor.actor, null);
            } catch (IllegalStateException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
            // stdout holds the token alone, so a script can capture it: TOKEN=$(truecount token create ci --role
            // viewer)
            out.println(token.token());
            PrintWriter err = spec.commandLine().getErr();
            err.printf(
                    "Created token '%s' (%s). Store it now: it cannot be shown again.%n",
                    name, token.role().id());
            err.flush();
            return ExitCodes.OK;
        }
    }

    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description = "List tokens (names, roles, use and revocation; never the tokens).",
            footer = LedgerCommand.EXIT_CODES)
    static class ListTokens extends LedgerCommand {

        @Override
        int run(Ledger ledger, PrintWriter out) {
            List<TokenInfo> tokens = ledger.beans().getBean(ApiTokens.class).list();
            if (tokens.isEmpty()) {
                out.println("No tokens. Create one: truecount token create NAME --role admin");
                return ExitCodes.OK;
            }
            out.printf("%-24s %-9s %-20s %-20s %s%n", "NAME", "ROLE", "CREATED", "LAST USED", "REVOKED");
            for (TokenInfo t : tokens) {
                out.printf(
                        "%-24s %-9s %-20s %-20s %s%n",
                        t.name(), t.role().id(), when(t.createdAt()), when(t.lastUsedAt()), when(t.revokedAt()));
            }
            return ExitCodes.OK;
        }

        private static String when(Instant at) {
            return at == null
                    ? "-"
                    : at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        }
    }

    @Command(
            name = "revoke",
            mixinStandardHelpOptions = true,
            description = "Revoke a token at once: its API calls and console sessions are refused from now on.",
            footer = LedgerCommand.EXIT_CODES)
    static class Revoke extends LedgerCommand {

        @Parameters(paramLabel = "NAME", description = "The token's name (first column of list).")
        String name;

        @Mixin
        ActorOptions actor;

        @Override
        int run(Ledger ledger, PrintWriter out) {
            try {
                ledger.beans().getBean(ApiTokens.class).revoke(name, actor.actor, null);
            } catch (NoSuchElementException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
            out.printf("Revoked token '%s'.%n", name);
            return ExitCodes.OK;
        }
    }
}
