"""What a type checker sees of the package: public names typed, typos refused."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SNIPPET = """\
import runstrength

version: str = runstrength.__version__
timeline = runstrength.build_timelin
reveal_type(runstrength.__version__)
"""


class TestTypeChecker:
    """mypy reads ``import runstrength`` as the API it is."""

    def test_typo_and_version(self, tmp_path: Path) -> None:
        """A misspelt public name is an error, with a suggestion, and __version__ is str."""
        path = tmp_path / "snippet.py"
        path.write_text(SNIPPET, encoding="utf-8")
        result = subprocess.run(  # noqa: S603 - mypy from this interpreter
            [
                sys.executable,
                "-m",
                "mypy",
                "--strict",
                "--no-incremental",
                "--cache-dir",
                str(tmp_path / "cache"),
                str(path),
            ],
            capture_output=True,
            text=True,
            check=False,
            cwd=tmp_path,
            timeout=300,
        )
        lines = result.stdout.splitlines()
        assert 1 == result.returncode
        typo = 'snippet.py:4: error: Module has no attribute "build_timelin"; maybe "build_timeline"?'
        assert f"{typo}  [attr-defined]" in lines
        revealed = {f'snippet.py:5: note: Revealed type is "{name}"' for name in ("str", "builtins.str")}
        assert revealed & set(lines)
        assert "Found 1 error in 1 file (checked 1 source file)" == lines[-1]
