"""Build runstrength's distributions and check that they are fit to publish.

Run from a clone, with the ``dev`` extra installed:

    python scripts/release.py                    # builds into a temporary folder, then removes it
    python scripts/release.py --dist dist        # keeps the sdist and the wheel in dist/
    python scripts/release.py --no-isolation     # builds offline with the installed hatchling

It builds the sdist, and the wheel from the sdist, with ``python -m build``; runs ``twine
check --strict`` on both (metadata, and the README as the package index will render it) and
``check-wheel-contents`` on the wheel; and checks that the sdist holds what a downstream
packager needs to build, test and document the package (`SDIST_NEEDS`), and that the wheel
holds the type marker, the built-in workouts and the player's assets (`WHEEL_NEEDS`). Prints
every problem and exits with status 1 if there is one; the built files are then ready to
upload (``twine upload dist/*``).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tarfile
import tempfile
import tomllib
import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import Final

ROOT: Final = Path(__file__).resolve().parent.parent
SOURCE: Final = ROOT / "src" / "runstrength"

SDIST_NEEDS: Final = (
    "pyproject.toml",
    "README.md",
    "LICENSE",
    "CHANGELOG.md",
    "CONTRIBUTING.md",
    "mkdocs.yml",
    "src/runstrength/__init__.py",
    "tests/",
    "docs/",
    "examples/",
    "scripts/",
    "benchmarks/",
)
"""What the sdist holds, relative to its top folder (a trailing slash: a non-empty folder)."""


def wheel_needs() -> list[str]:
    """What the wheel holds: the type marker, every built-in workout and every player asset."""
    data = [*sorted(SOURCE.glob("workouts/*.toml")), *sorted((SOURCE / "_export" / "assets").glob("*"))]
    return ["runstrength/py.typed", *(path.relative_to(SOURCE.parent).as_posix() for path in data)]


def version() -> str:
    """The version `pyproject.toml` declares (the only place it is written)."""
    with (ROOT / "pyproject.toml").open("rb") as file:
        project: dict[str, str] = tomllib.load(file)["project"]
    return project["version"]


def missing(names: Iterable[str], needs: Iterable[str]) -> list[str]:
    """The needs that no name satisfies: a file by its name, a folder by a file under it."""
    present = set(names)
    return [
        need
        for need in needs
        if not (any(name.startswith(need) for name in present) if need.endswith("/") else need in present)
    ]


def sdist_problems(sdist: Path) -> list[str]:
    """What the sdist lacks."""
    with tarfile.open(sdist) as archive:
        names = archive.getnames()
    top = sdist.name.removesuffix(".tar.gz") + "/"
    inside = [name.removeprefix(top) for name in names if name.startswith(top)]
    return [f"{sdist.name}: missing {need}" for need in missing(inside, SDIST_NEEDS)]


def wheel_problems(wheel: Path) -> list[str]:
    """What the wheel lacks."""
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
    return [f"{wheel.name}: missing {need}" for need in missing(names, wheel_needs())]


def tool(*args: str | Path) -> list[str]:
    """Run a Python tool with this interpreter; a failure is a problem showing its output."""
    command = [sys.executable, "-m", *map(str, args)]
    print("$ python", " ".join(command[1:]), flush=True)
    result = subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603
    print(result.stdout, end="", flush=True)
    if result.returncode != 0:
        return [f"{args[0]} failed (status {result.returncode}):\n{result.stdout}{result.stderr}".rstrip()]
    return []


def check(dist: Path) -> list[str]:
    """Every problem with the sdist and the wheel of this version in ``dist``."""
    sdist = dist / f"runstrength-{version()}.tar.gz"
    wheel = dist / f"runstrength-{version()}-py3-none-any.whl"
    absent = [f"not built: {path.name}" for path in (sdist, wheel) if not path.is_file()]
    if absent:
        return absent
    return [
        *tool("twine", "check", "--strict", sdist, wheel),
        *tool("check_wheel_contents", wheel),
        *sdist_problems(sdist),
        *wheel_problems(wheel),
    ]


def build(dist: Path, *, isolation: bool = True) -> list[str]:
    """Build the sdist, and the wheel from it, into ``dist``."""
    return tool("build", "--outdir", dist, *(() if isolation else ("--no-isolation",)), ROOT)


def main(argv: list[str] | None = None) -> int:
    """Build and check; 0 when the distributions are fit to publish."""
    parser = argparse.ArgumentParser(description="Build runstrength's sdist and wheel, and check them.")
    parser.add_argument("--dist", type=Path, help="the folder to build into (default: a temporary one)")
    parser.add_argument(
        "--no-isolation",
        dest="isolation",
        action="store_false",
        help="build with the installed hatchling instead of a fresh environment (works offline)",
    )
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="runstrength-dist-") as temporary:
        dist: Path = args.dist or Path(temporary)
        problems = build(dist, isolation=args.isolation) or check(dist)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        return 1
    print(f"runstrength {version()}: sdist and wheel checked" + (f", in {dist}" if args.dist else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
