"""The example scripts end quietly when their reader stops early, as shell tools do."""

from __future__ import annotations

import shlex
import shutil
import subprocess
import sys
from pathlib import Path

EXAMPLES = Path(__file__).parent.parent / "examples"
BASH = shutil.which("bash") or "/bin/bash"


class TestExamplesInPipes:
    """An example piped into head stops without a traceback."""

    def test_interval_timer_into_head(self) -> None:
        """The interval timer's many lines into head -2: two lines, status 141, nothing on standard error."""
        script = shlex.quote(str(EXAMPLES / "interval_timer.py"))
        command = (
            f"{shlex.quote(sys.executable)} {script} --speed 100000 | head -2; echo ${{PIPESTATUS[0]}} >&2"
        )
        result = subprocess.run(  # noqa: S603 - our own interpreter and script
            [BASH, "-c", command], capture_output=True, text=True, check=False, timeout=120
        )
        assert (2, "141\n") == (len(result.stdout.splitlines()), result.stderr)
