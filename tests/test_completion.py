"""Shell completion scripts, written from the command's own parser."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from runstrength._render.completion import SHELLS, completion
from runstrength.cli import _VARIANTS, _parser, main

BASH = shutil.which("bash") or "/bin/bash"
COMMANDS = ("list", "show", "validate", "timeline", "export", "schema", "completion")


def script(shell: str, capsys: pytest.CaptureFixture[str]) -> str:
    """What ``runstrength completion SHELL`` prints."""
    assert 0 == main(["completion", shell])
    return capsys.readouterr().out


class TestCompletion:
    """runstrength completion {bash,zsh,fish} prints a script for that shell."""

    def test_bash_is_valid(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """The bash script passes bash -n, so it parses."""
        path = tmp_path / "runstrength.bash"
        path.write_text(script("bash", capsys), encoding="utf-8")
        result = subprocess.run([BASH, "-n", str(path)], capture_output=True, text=True, check=False)  # noqa: S603
        assert (0, "") == (result.returncode, result.stderr)

    @pytest.mark.parametrize("shell", SHELLS)
    def test_every_command(self, capsys: pytest.CaptureFixture[str], shell: str) -> None:
        """Every command and every option of each command is in the script."""
        text = script(shell, capsys)
        _, commands = _parser()
        assert set(COMMANDS) == set(commands)
        for name, parser in commands.items():
            assert name in text
            for action in parser._actions:
                for option in action.option_strings:
                    flag = (
                        option
                        if shell != "fish"
                        else f"-l {option[2:]}"
                        if option[:2] == "--"
                        else f"-s {option[1:]}"
                    )
                    assert flag in text

    def test_bash_completes(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """Loaded into bash, the function offers commands, then options, then an option's choices."""
        path = tmp_path / "runstrength.bash"
        path.write_text(script("bash", capsys), encoding="utf-8")

        def offered(*words: str) -> set[str]:
            line = " ".join(["runstrength", *words])
            program = (
                f"source {path}; COMP_WORDS=({line}); COMP_CWORD={len(words)}; "
                '_runstrength; printf "%s\\n" "${COMPREPLY[@]}"'
            )
            result = subprocess.run(  # noqa: S603 - our own script
                [BASH, "-c", program], capture_output=True, text=True, check=True, cwd=tmp_path
            )
            return set(result.stdout.split())

        assert set(COMMANDS) <= offered("")
        assert {"--format", "--variant", "--rest"} <= offered("timeline", "--")
        assert {"table", "markdown", "csv", "json"} == offered("timeline", "--format", "")
        # Free text with suggestions: the suggestions; free text without any: nothing, not file names.
        assert set(_VARIANTS) == offered("timeline", "--variant", "")
        assert set() == offered("timeline", "--include", "")
        assert {"bash", "zsh", "fish"} == offered("completion", "") - {
            "-h",
            "--help",
            "--color",
            "-o",
            "--output",
        }

    def test_zsh_loads_the_bash_functions(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The zsh script is the bash one, run through zsh's bashcompinit."""
        lines = script("zsh", capsys).splitlines()
        assert ("#compdef runstrength", "autoload -U +X bashcompinit && bashcompinit") == (lines[0], lines[2])
        assert script("bash", capsys) == "\n".join(lines[3:]) + "\n"

    def test_fish_lines(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The fish script is one complete command per line, with a line per command name."""
        lines = script("fish", capsys).splitlines()
        assert all(line.startswith(("complete -c runstrength ", "#")) for line in lines)
        for name in COMMANDS:
            assert any(f" -a {name} " in line for line in lines)

    def test_unknown_shell(self) -> None:
        """A shell it does not know is a ValueError naming the choices."""
        parser, _ = _parser()
        with pytest.raises(ValueError, match="bash, zsh, fish"):
            completion(parser, "tcsh")  # type: ignore[arg-type]

    def test_usage(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Asking for another shell on the command line is a usage error."""
        assert 2 == main(["completion", "tcsh"])
        assert "invalid choice: 'tcsh'" in capsys.readouterr().err
