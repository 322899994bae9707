"""Writing files atomically: a failed write leaves the target as it was, and no stray file."""

from __future__ import annotations

import resource
import subprocess
import sys
from pathlib import Path

import pytest

from runstrength._files import write_atomic

DUMP_BUILT_IN = (
    "import runstrength; runstrength.dump(runstrength.catalog.get('upper-body-for-runners'), 'w.json')"
)


class TestWriteAtomic:
    """`write_atomic` and what uses it (`runstrength.dump`, every ``-o`` of the command line)."""

    def test_writes_text_and_bytes(self, tmp_path: Path) -> None:
        """Text is written as UTF-8; bytes as they are."""
        write_atomic(tmp_path / "a.txt", "Séance")
        write_atomic(tmp_path / "b.bin", b"\x00\x01")
        assert ("Séance", b"\x00\x01") == (
            (tmp_path / "a.txt").read_text("utf-8"),
            (tmp_path / "b.bin").read_bytes(),
        )

    def test_keeps_the_permissions_of_the_file_it_replaces(self, tmp_path: Path) -> None:
        """Replacing a file keeps its mode, as writing into it would."""
        target = tmp_path / "w.json"
        target.write_text("old", encoding="utf-8")
        target.chmod(0o640)
        write_atomic(target, "new")
        assert (0o640, "new") == (target.stat().st_mode & 0o777, target.read_text("utf-8"))

    def test_a_failed_dump_leaves_the_old_file(self, tmp_path: Path) -> None:
        """Over a file-size limit, dump fails and the existing document is untouched."""
        target = tmp_path / "w.json"
        target.write_text("old content", encoding="utf-8")

        def limit() -> None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (200, 200))

        result = subprocess.run(  # noqa: S603 - our own interpreter and code
            [sys.executable, "-c", DUMP_BUILT_IN],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            preexec_fn=limit,
            check=False,
            timeout=60,
        )
        assert 0 != result.returncode
        assert "File too large" in result.stderr
        assert ["w.json"] == [path.name for path in tmp_path.iterdir()]
        assert "old content" == target.read_text(encoding="utf-8")

    def test_a_missing_folder_is_an_os_error(self, tmp_path: Path) -> None:
        """Nothing is created when the folder does not exist, and the error names the file asked for."""
        target = tmp_path / "no" / "such.json"
        with pytest.raises(FileNotFoundError) as info:
            write_atomic(target, "{}")
        assert [] == list(tmp_path.iterdir())
        assert str(target) == info.value.filename
        assert str(target) in str(info.value)
