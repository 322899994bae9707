"""The distributions build and pass scripts/release.py's checks; the README works off the repository."""

from __future__ import annotations

import io
import re
import tarfile
import zipfile
from pathlib import Path

import pytest
import release

ROOT = Path(__file__).parent.parent
REPOSITORY = re.compile(
    r"https://(?:raw\.githubusercontent\.com/runstrength/runstrength/main"
    r"|github\.com/runstrength/runstrength/(?:blob|tree)/main)/(?P<path>[^)\s#]+)"
)


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sdist and the wheel, freshly built offline with the installed hatchling."""
    folder = tmp_path_factory.mktemp("dist")
    assert [] == release.build(folder, isolation=False)
    return folder


def sdist_with(tmp_path: Path, names: list[str]) -> Path:
    """An sdist holding empty files with these names under its top folder."""
    path = tmp_path / f"runstrength-{release.version()}.tar.gz"
    with tarfile.open(path, "w:gz") as archive:
        for name in names:
            archive.addfile(tarfile.TarInfo(f"runstrength-{release.version()}/{name}"), io.BytesIO())
    return path


class TestBuiltDistributions:
    """What `python scripts/release.py` checks, on a fresh build."""

    def test_pass_every_check(self, dist: Path) -> None:
        """twine, check-wheel-contents and the contents checks find nothing wrong."""
        assert [] == release.check(dist)

    def test_wheel_ships_data(self, dist: Path) -> None:
        """The wheel holds the type marker, the twelve built-in workouts and the player's assets."""
        (wheel,) = dist.glob("*.whl")
        names = zipfile.ZipFile(wheel).namelist()
        assert "runstrength/py.typed" in names
        assert 12 == len([name for name in names if re.fullmatch(r"runstrength/workouts/[^/]+\.toml", name)])
        assert "runstrength/_export/assets/player.js" in names

    def test_nothing_built(self, tmp_path: Path) -> None:
        """An empty folder is reported, not checked."""
        expected = [
            f"not built: runstrength-{release.version()}.tar.gz",
            f"not built: runstrength-{release.version()}-py3-none-any.whl",
        ]
        assert expected == release.check(tmp_path)


class TestContents:
    """The contents checks name what is missing."""

    def test_sdist_missing_files(self, tmp_path: Path) -> None:
        """An sdist without CONTRIBUTING.md and the benchmarks names both."""
        present = [need for need in release.SDIST_NEEDS if need not in ("CONTRIBUTING.md", "benchmarks/")]
        sdist = sdist_with(tmp_path, [f"{need}x.py" if need.endswith("/") else need for need in present])
        expected = [f"{sdist.name}: missing CONTRIBUTING.md", f"{sdist.name}: missing benchmarks/"]
        assert expected == release.sdist_problems(sdist)

    def test_empty_folder_is_missing(self) -> None:
        """A folder counts only with a file under it."""
        assert ["tests/"] == release.missing(["tests", "testsuite.py"], ["tests/"])

    def test_wheel_missing_workouts(self, tmp_path: Path) -> None:
        """A wheel without the built-in workouts names each one."""
        wheel = tmp_path / "runstrength-0-py3-none-any.whl"
        with zipfile.ZipFile(wheel, "w") as archive:
            archive.writestr("runstrength/py.typed", "")
        workouts = [need for need in release.wheel_needs() if need.startswith("runstrength/workouts/")]
        assert 12 == len(workouts)
        assert all(f"{wheel.name}: missing {need}" in release.wheel_problems(wheel) for need in workouts)


class TestReadme:
    """The README as the package index shows it."""

    def test_links_are_absolute(self) -> None:
        """Every link and picture points at a web address, so it works off the repository."""
        readme = (ROOT / "README.md").read_text(encoding="utf-8")
        targets = re.findall(r"\]\(([^)]+)\)", readme)
        assert targets
        assert [] == [target for target in targets if not target.startswith("https://")]

    def test_repository_links_exist(self) -> None:
        """Every link into the repository names a file or folder that is in it."""
        paths = [
            match["path"] for match in REPOSITORY.finditer((ROOT / "README.md").read_text(encoding="utf-8"))
        ]
        assert 7 <= len(paths)
        assert [] == [path for path in paths if not (ROOT / path).exists()]

    def test_first_commands(self) -> None:
        """The README's two commands are unchanged (CI looks for them line by line)."""
        lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
        expected = [
            "python3 -m venv .venv && .venv/bin/pip install -q . && .venv/bin/runstrength timeline",
            'python3 -m venv .venv && .venv/bin/pip install -q -e ".[test]" && .venv/bin/python -m pytest',
        ]
        assert expected == [line for line in lines if line.startswith("python3 -m venv")]


def test_no_index_install() -> None:
    """No page tells people to install runstrength from the package index, which does not have it yet."""
    pages = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
    index_install = re.compile(
        r"pip install (?:-\S+ )*\"?runstrength(?:\[[^\]]*\])?\"?(?:\s(?!@)|$)"
    )  # "… @ git+https://…" installs from the repository
    assert [] == [page.name for page in pages if index_install.search(page.read_text(encoding="utf-8"))]
