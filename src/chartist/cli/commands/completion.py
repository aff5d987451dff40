"""``chartist completion bash|zsh|fish``: shell completion scripts.

Helm prints cobra's generated scripts, which ask the program itself (``helm __complete``)
for every candidate; chartist has no such protocol yet, so its scripts are small static ones:
command names, the subcommands of ``show``, ``dependency`` and ``completion``, and file names
for the arguments. ``--no-descriptions`` is accepted (the scripts carry none).
"""

from __future__ import annotations

import argparse
import sys

from chartist.cli.environment import Settings

_SHELLS = ("bash", "fish", "powershell", "zsh")
_SUBCOMMANDS = {
    "show": ("all", "chart", "crds", "readme", "values"),
    "inspect": ("all", "chart", "crds", "readme", "values"),
    "dependency": ("build", "list", "update"),
    "dep": ("build", "list", "update"),
    "dependencies": ("build", "list", "update"),
    "completion": ("bash", "fish", "zsh"),
}


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("args", nargs="*", metavar="SHELL")
    p.add_argument("--no-descriptions", action="store_true", help="disable completion descriptions")


def _commands() -> list[str]:
    from chartist.cli.main import COMMANDS

    return sorted(COMMANDS)


def bash_script(prog: str) -> str:
    """A bash completion function for PROG."""
    cases = "".join(f'        {cmd}) words_="{" ".join(subs)}" ;;\n' for cmd, subs in _SUBCOMMANDS.items())
    fn = "_" + prog.replace("-", "_") + "_complete"
    return (
        f"# bash completion for {prog}\n"
        f"{fn}() {{\n"
        '    local cur="${COMP_WORDS[COMP_CWORD]}" words_\n'
        "    if [[ $COMP_CWORD -eq 1 ]]; then\n"
        f'        COMPREPLY=($(compgen -W "{" ".join(_commands())}" -- "$cur"))\n'
        "        return\n"
        "    fi\n"
        "    if [[ $COMP_CWORD -eq 2 ]]; then\n"
        '        case "${COMP_WORDS[1]}" in\n'
        f"{cases}"
        "        esac\n"
        '        if [[ -n "$words_" ]]; then\n'
        '            COMPREPLY=($(compgen -W "$words_" -- "$cur"))\n'
        "            return\n"
        "        fi\n"
        "    fi\n"
        '    COMPREPLY=($(compgen -f -- "$cur"))\n'
        "}\n"
        f"complete -o default -F {fn} {prog}\n"
    )


def zsh_script(prog: str) -> str:
    """A zsh completion function for PROG."""
    cases = "".join(
        f"        {cmd}) _values 'subcommand' {' '.join(subs)} ;;\n" for cmd, subs in _SUBCOMMANDS.items()
    )
    return (
        f"#compdef {prog}\n"
        f"_{prog}() {{\n"
        "    if (( CURRENT == 2 )); then\n"
        f"        _values 'command' {' '.join(_commands())}\n"
        "        return\n"
        "    fi\n"
        "    if (( CURRENT == 3 )); then\n"
        "        case $words[2] in\n"
        f"{cases}"
        "        *) _files ;;\n"
        "        esac\n"
        "        return\n"
        "    fi\n"
        "    _files\n"
        "}\n"
        f"compdef _{prog} {prog}\n"
    )


def fish_script(prog: str) -> str:
    """fish completions for PROG."""
    lines = [
        f"# fish completion for {prog}",
        f"complete -c {prog} -f -n '__fish_use_subcommand' -a '{' '.join(_commands())}'",
    ]
    for cmd, subs in _SUBCOMMANDS.items():
        lines.append(f"complete -c {prog} -f -n '__fish_seen_subcommand_from {cmd}' -a '{' '.join(subs)}'")
    return "\n".join(lines) + "\n"


def run(args: argparse.Namespace, settings: Settings) -> int:
    """Run ``completion SHELL``."""
    import os

    words: list[str] = list(args.args)
    if not words:
        sys.stdout.write(
            "Generate autocompletion scripts for the specified shell.\n\nUsage:\n  chartist completion [command]\n\n"
            "Available Commands:\n  bash        generate autocompletion script for bash\n"
            "  fish        generate autocompletion script for fish\n"
            "  zsh         generate autocompletion script for zsh\n"
        )
        return 0
    shell = words[0]
    if shell not in _SHELLS:
        sys.stderr.write(
            f'Error: unknown command "{shell}" for "chartist completion"\n'
            "Run 'chartist completion --help' for usage.\n"
        )
        return 1
    if len(words) > 1:
        sys.stderr.write(
            f'Error: "chartist completion {shell}" accepts no arguments\n\n'
            f"Usage:  chartist completion {shell} [flags]\n"
        )
        return 1
    if shell == "powershell":
        sys.stderr.write("Error: powershell completion is not supported by chartist\n")
        return 1
    prog = os.path.basename(sys.argv[0]) if sys.argv and sys.argv[0] else "chartist"
    if prog in ("__main__.py", "", "-c"):
        prog = "chartist"
    script = {"bash": bash_script, "zsh": zsh_script, "fish": fish_script}[shell](prog)
    sys.stdout.write(script)
    return 0
