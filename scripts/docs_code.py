"""Write the Python code of every documentation page as a module, for type checkers.

Run ``python scripts/docs_code.py OUTPUT_DIR``: each page of ``docs/`` with ``python`` blocks
becomes ``OUTPUT_DIR/<page>.py``, its blocks in order (a page's blocks share one namespace
when the tests run them, so together they form one module). CI then runs
``mypy --strict examples OUTPUT_DIR``: the code people copy from the docs type-checks like
the examples. `fences` is also what the docs tests use to find the blocks they run.
"""

from __future__ import annotations

import argparse
import re
from dataclasses import dataclass
from pathlib import Path

DOCS = Path(__file__).resolve().parent.parent / "docs"


@dataclass(frozen=True)
class Fence:
    """One fenced code block of a page."""

    language: str
    info: str
    text: str
    line: int


_OPENING = re.compile(r"^(?P<indent> *)(?P<fence>`{3,}|~{3,})(?P<info>[^`]*)$")


def fences(markdown: str) -> list[Fence]:
    """The fenced code blocks of a Markdown page, in order, indented ones (in tabs, admonitions) too."""
    lines = markdown.splitlines()
    found: list[Fence] = []
    number = 0
    while number < len(lines):
        opening = _OPENING.match(lines[number])
        number += 1
        if not opening:
            continue
        indent, fence, info = opening["indent"], opening["fence"], opening["info"].strip()
        closing = re.compile(rf"^ *{re.escape(fence[0])}{{{len(fence)},}}\s*$")
        start, body = number, []
        while number < len(lines) and not closing.match(lines[number]):
            body.append(lines[number].removeprefix(indent))
            number += 1
        number += 1
        language = info.split(maxsplit=1)[0] if info else ""
        found.append(Fence(language, info, "\n".join(body), start))
    return found


def page_modules(docs: Path = DOCS) -> dict[str, str]:
    """Each page's Python blocks joined into one module's text, by a module-safe page name."""
    modules = {}
    for page in sorted(docs.rglob("*.md")):
        code = [f.text for f in fences(page.read_text(encoding="utf-8")) if f.language == "python"]
        if code:
            name = re.sub(r"\W", "_", str(page.relative_to(docs).with_suffix("")))
            modules[name] = "\n\n".join(code) + "\n"
    return modules


def main() -> None:
    """Write the modules to the folder named on the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", type=Path, help="folder to write the modules to")
    output = parser.parse_args().output
    output.mkdir(parents=True, exist_ok=True)
    for name, text in page_modules().items():
        (output / f"docs_{name}.py").write_text(text, encoding="utf-8")
        print(output / f"docs_{name}.py")


if __name__ == "__main__":
    main()
