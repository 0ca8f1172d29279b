package dev.hlm.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code hlm completion bash|zsh}: the shell completion script, made by picocli's {@link AutoComplete} from the
 * whole command tree, so it completes every command, option and enum value there is, never a stale list.
 */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {
            "Print the shell completion script for bash or zsh: it completes commands, options and the values of "
                    + "options with a fixed set (such as --api-flavor). Link ids are not completed: that would "
                    + "need a login on every Tab.",
            "",
            "bash, for this shell: 'source <(hlm completion bash)'; for good: add that line to ~/.bashrc, or save "
                    + "the script as hlm in bash-completion's directory "
                    + "(~/.local/share/bash-completion/completions/hlm, or /usr/share/bash-completion/completions/hlm).",
            "",
            "zsh: save the script as _hlm in a directory of $fpath before compinit runs "
                    + "(e.g. 'hlm completion zsh > ~/.zfunc/_hlm' with 'fpath=(~/.zfunc $fpath)' and then "
                    + "'autoload -U compinit && compinit' in ~/.zshrc), or 'source <(hlm completion zsh)' after compinit.",
        })
public final class CompletionCommand implements Callable<Integer> {
    /** The shells a script is made for; picocli refuses any other name as a usage error. */
    enum Shell { bash, zsh }

    private final CliContext ctx;

    @Parameters(paramLabel = "SHELL", description = "bash or zsh")
    Shell shell;

    public CompletionCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        // A run builds only the command it names (Startup.commandsFor): the script needs the whole tree.
        CommandLine whole = Main.commandLine(ctx.out(), ctx.err(), ctx);
        ctx.out().print(script(shell, whole));
        ctx.out().flush();
        return ExitCodes.OK;
    }

    /** The script for {@code shell}; also what the build writes to target/generated-docs/completion. */
    static String script(Shell shell, CommandLine whole) {
        String bash = AutoComplete.bash(whole.getCommandName(), whole);
        return shell == Shell.bash ? bash : zsh(bash, whole.getCommandName());
    }

    /**
     * picocli's bash script, made to work in zsh through its bashcompinit, in both ways of installing it. Sourced
     * after compinit, the script registers itself. As {@code _NAME} in {@code $fpath}, compinit autoloads the file
     * as the function {@code _NAME} on the first Tab: its body then defines the functions and registers them, and
     * must also answer that first Tab itself.
     */
    private static String zsh(String bash, String name) {
        String function = "_complete_" + name;
        return "#compdef " + name + "\n"
                + "# zsh completion for " + name + ": picocli's bash completion, run by zsh's bashcompinit.\n"
                + "autoload -U +X bashcompinit && bashcompinit\n"
                // The script aliases compopt to complete, but an alias does not reach the functions of an
                // autoloaded file, parsed whole before it runs: a function does.
                + "compopt() { complete \"$@\"; }\n"
                + bash.replaceFirst("^#!/usr/bin/env bash\n", "")
                + "\n# Autoloaded from $fpath as _" + name + " by compinit: complete the Tab that loaded it.\n"
                + "if [[ \"${funcstack[1]}\" == _" + name + " ]]; then\n"
                + "  _bash_complete -F " + function + " -o default\n"
                + "fi\n";
    }
}
