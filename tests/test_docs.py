"""Every example in the documentation runs, and the reference pages match the code.

Each Markdown page (``docs/**/*.md`` and ``README.md``) is run from top to bottom in a fresh
working directory, its blocks in order and in one namespace:

- a ``python`` block is executed; a ``text`` block right after it shows what it prints: all
  of it when titled "Output" (``text title="Output"``), else some lines of it, in a row;
- a ``console`` block holds ``$ runstrength …`` commands, run through `runstrength.cli.main`;
  the lines under a command are its exact output, both streams as a terminal shows them. A
  trailing ``| head -n N`` and a ``< FILE`` redirection are understood;
- in ``bash`` and ``sh`` blocks a plain ``runstrength …`` command (no globs, variables,
  redirections or pipes) is run too and must succeed;
- a ``json``, ``yaml`` or ``toml`` block titled with a file name (``title="arms.yaml"``) is
  written to that file for the blocks after it; an untitled one holding ``schema_version`` is
  a workout document, and must be valid;
- anywhere in a block, a ``runstrength COMMAND …`` line names only options that command has,
  with the choices it takes.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import io
import json
import re
import shlex
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from types import ModuleType
from typing import Any

import attrs
import matplotlib as mpl
import matplotlib.pyplot as plt
import pytest
import yaml
from docs_code import Fence, fences

import runstrength
from _browser import require_browser_tools
from runstrength import catalog, cli
from runstrength._document.text import DocumentFormat
from runstrength._export.fit import EXERCISE_CATEGORIES, STEP_MAPPING
from runstrength._render.table import render

ROOT = Path(__file__).parent.parent
DOCS = ROOT / "docs"
README = ROOT / "README.md"
PAGES = sorted(DOCS.rglob("*.md"))
EXECUTED = ("python", "console", "bash", "sh")
CHECKED = ("console", "bash", "sh", "yaml")
PROGRAM = re.compile(r"(?:^|[\s/])runstrength$")


# --- reading Markdown ----------------------------------------------------------------------


def page_id(path: Path) -> str:
    """A page's name in test ids."""
    return path.relative_to(ROOT).as_posix()


def nav_pages() -> list[str]:
    """The pages the site's navigation lists, relative to docs/."""

    class Loader(yaml.SafeLoader):
        """Reads mkdocs.yml, whose ``!!python/name`` tags only matter to MkDocs."""

    Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda *_: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)  # noqa: S506

    def walk(node: object) -> Iterator[str]:
        if isinstance(node, str):
            yield node
        elif isinstance(node, list):
            for item in node:
                yield from walk(item)
        elif isinstance(node, dict):
            for value in node.values():
                yield from walk(value)

    return list(walk(config["nav"]))


def load_hooks() -> ModuleType:
    """The docs' MkDocs hooks, imported from their file."""
    spec = importlib.util.spec_from_file_location("runstrength_docs_hooks", DOCS / "hooks.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# --- running the command line --------------------------------------------------------------


def _parser_commands() -> dict[str, Any]:
    """The program's parser (under ``""``) and every command's, from the parser itself."""
    parser, _ = cli._parser()
    (subparsers,) = (action for action in parser._actions if isinstance(action, argparse._SubParsersAction))
    return {"": parser, **subparsers.choices}


COMMANDS = _parser_commands()


def options(command: str) -> dict[str, Any]:
    """The options of a command (``""``: the program itself), by option string."""
    return {string: action for action in COMMANDS[command]._actions for string in action.option_strings}


@dataclass
class Outcome:
    """What one command printed, and its exit status."""

    status: int
    output: str


def run_command(argv: list[str], stdin: bytes | None, monkeypatch: pytest.MonkeyPatch) -> Outcome:
    """Run ``runstrength`` in-process; the output has both streams in order, as a terminal shows them."""
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"))
    if argv[-1].endswith(".pdf"):  # printing a card needs Chromium, as the browser tests do
        require_browser_tools()
    terminal = io.StringIO()
    with contextlib.redirect_stdout(terminal), contextlib.redirect_stderr(terminal):
        status = cli.main(argv)
    return Outcome(status, terminal.getvalue())


@dataclass
class Invocation:
    """A ``runstrength`` command line as a page writes it."""

    argv: list[str]
    head: int | None = None
    stdin: str | None = None
    runnable: bool = True
    words: list[str] = field(default_factory=list)


def invocations(text: str) -> Iterator[Invocation]:
    """Every ``runstrength`` (or ``python -m runstrength``) command in a block of shell text."""
    for raw in text.splitlines():
        line = raw.removeprefix("$ ").split(" #", 1)[0].strip()
        for segment in re.split(r"&&|\|\||;", line):
            words = segment.split()
            program = next((i for i, word in enumerate(words) if PROGRAM.search(word)), None)
            if program is None:
                continue
            before = words[program - 1] if program else ""
            if program and before not in ("-m", "exec") and not before.endswith(":"):
                continue  # "pip install runstrength", or the word in a sentence
            yield _invocation(segment, words[program + 1 :])


def _invocation(segment: str, words: list[str]) -> Invocation:
    head_match = re.search(r"\|\s*head -n ?(\d+)\s*$", segment)
    rest = " ".join(words)
    if head_match:
        rest = rest[: rest.index("|")]
    stdin_match = re.search(r"<\s*(\S+)\s*$", rest)
    if stdin_match:
        rest = rest[: stdin_match.start()]
    simple = not re.search(r"[\[\]*?$|<>`]", rest)
    argv = shlex.split(rest) if simple else rest.split()
    return Invocation(
        argv=argv,
        head=int(head_match[1]) if head_match else None,
        stdin=stdin_match[1] if stdin_match else None,
        runnable=simple and (head_match is not None or "|" not in segment),
        words=rest.split(),
    )


def check_options(invocation: Invocation) -> None:
    """The options a command line names exist for its command, with the choices they list."""
    words = [word.strip("[]") for word in invocation.words]
    command = next((word for word in words if word in COMMANDS and word), "")
    known = options(command) | options("")
    for index, word in enumerate(words):
        if not word.startswith("-") or word == "-":
            continue
        name = word.split("=", 1)[0]
        assert name in known, f"runstrength {command}: no option {name}"
        action = known[name]
        written = (
            word.split("=", 1)[1] if "=" in word else (words[index + 1] if index + 1 < len(words) else "")
        )
        if action.choices is not None and "|" in written:
            assert set(action.choices) == set(written.split("|")), f"choices of {name}"


# --- running a page ------------------------------------------------------------------------


def run_python(fence: Fence, namespace: dict[str, Any], label: str) -> str:
    """Execute a python block and return what it printed."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(fence.text, f"{label}:{fence.line}", "exec"), namespace)  # noqa: S102
    return out.getvalue()


def assert_printed(fence: Fence, printed: str, where: str) -> None:
    """A block titled "Output" is all the code printed; another, lines it printed in a row."""
    want = [line.rstrip() for line in fence.text.strip("\n").splitlines()]
    got = [line.rstrip() for line in printed.rstrip("\n").splitlines()]
    if 'title="Output"' in fence.info:
        assert want == got, f"{where}: the output shown is not what the code prints"
        return
    windows = [got[i : i + len(want)] for i in range(len(got) - len(want) + 1)]
    assert want in windows, f"{where}: the output shown is not what the code prints:\n{printed}"


def run_console(fence: Fence, monkeypatch: pytest.MonkeyPatch, where: str) -> int:
    """Run a console block's commands and compare their output; return how many ran."""
    commands: list[tuple[str, list[str]]] = []
    for line in fence.text.splitlines():
        if line.startswith("$ "):
            commands.append((line[2:], []))
        elif commands:
            commands[-1][1].append(line.rstrip())
        else:
            pytest.fail(f"{where}: output before any command: {line!r}")
    for command, shown in commands:
        found = list(invocations(command))
        assert len(found) == 1, f"{where}: not a runstrength command: {command!r}"
        invocation = found[0]
        assert invocation.runnable, f"{where}: cannot run {command!r}"
        check_options(invocation)
        stdin = Path(invocation.stdin).read_bytes() if invocation.stdin else None
        outcome = run_command(invocation.argv, stdin, monkeypatch)
        lines = [line.rstrip() for line in outcome.output.splitlines()]
        if invocation.head is not None:
            lines = lines[: invocation.head]
        assert outcome.status in (0, 1), f"{where}: {command!r} is a usage error:\n{outcome.output}"
        assert outcome.status == 0 or shown, f"{where}: {command!r} failed:\n{outcome.output}"
        while shown and not shown[-1]:
            shown.pop()
        assert shown == lines, f"{where}: {command!r}"
    return len(commands)


DOCUMENTS: dict[str, DocumentFormat] = {"json": "json", "yaml": "yaml", "toml": "toml"}
_TITLE = re.compile(r'title="([^"]+)"')


def use_document(fence: Fence, where: str) -> int:
    """Write a block titled with a file name to that file; check an untitled workout document.

    Returns how many blocks were checked (a written file is checked by the commands that read it).
    """
    title = _TITLE.search(fence.info)
    if title:
        Path(title[1]).write_text(fence.text + "\n", encoding="utf-8")
        return 0
    if "schema_version" not in fence.text:
        return 0
    try:
        runstrength.loads(fence.text, DOCUMENTS[fence.language])
    except runstrength.ValidationError as error:
        pytest.fail(f"{where}: the example document is invalid:\n{error}")
    return 1


def run_page(path: Path, monkeypatch: pytest.MonkeyPatch) -> int:
    """Run every block of a page in order; return how many blocks ran."""
    label = page_id(path)
    # A real module, so that classes defined on the page (dataclasses, say) find their module.
    module = ModuleType("runstrength_docs_page")
    monkeypatch.setitem(sys.modules, module.__name__, module)
    namespace = module.__dict__
    printed: str | None = None
    ran = 0
    for fence in fences(path.read_text(encoding="utf-8")):
        where = f"{label}:{fence.line}"
        for invocation in invocations(fence.text) if fence.language in CHECKED else ():
            check_options(invocation)
        if fence.language == "python":
            printed = run_python(fence, namespace, label)
            ran += 1
            continue
        if fence.language in DOCUMENTS:
            ran += use_document(fence, where)
        if fence.language == "text" and printed is not None:
            assert_printed(fence, printed, where)
        elif fence.language == "console":
            ran += run_console(fence, monkeypatch, where)
        elif fence.language in ("bash", "sh"):
            for invocation in invocations(fence.text):
                if invocation.runnable and invocation.stdin is None and invocation.head is None:
                    outcome = run_command(invocation.argv, None, monkeypatch)
                    assert outcome.status == 0, f"{where}: {invocation.argv}:\n{outcome.output}"
                    ran += 1
        printed = None
    plt.close("all")
    return ran


@pytest.fixture
def scratch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh working directory, and matplotlib drawing off screen."""
    monkeypatch.chdir(tmp_path)
    mpl.use("Agg")
    return tmp_path


class TestExamples:
    """Every code block of every page runs, and shows what it really prints."""

    @pytest.mark.usefixtures("scratch")
    @pytest.mark.parametrize("path", [*PAGES, README], ids=page_id)
    def test_page(self, path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """The page's blocks run in order without an error, and their output is as shown."""
        run_page(path, monkeypatch)

    @pytest.mark.parametrize(
        "path", [p for p in PAGES if p.parent.name in ("guides", "concepts")], ids=page_id
    )
    def test_guides_have_code(self, path: Path) -> None:
        """Every guide and concept page shows code that the tests run."""
        assert any(fence.language in EXECUTED for fence in fences(path.read_text(encoding="utf-8")))


class TestFences:
    """The block reader finds what MkDocs renders."""

    @pytest.mark.parametrize(
        ("markdown", "expected"),
        [
            ("```python\nx = 1\n```\n", [("python", "x = 1")]),
            ("text\n\n```\nplain\n```\n", [("", "plain")]),
            (
                '=== "Tab"\n\n    ```console\n    $ runstrength -h\n    ```\n',
                [("console", "$ runstrength -h")],
            ),
            ('```text title="Output"\na\n\nb\n```\n', [("text", "a\n\nb")]),
            ("````markdown\n```python\nx\n```\n````\n", [("markdown", "```python\nx\n```")]),
        ],
    )
    def test_blocks(self, markdown: str, expected: list[tuple[str, str]]) -> None:
        """Blocks are found with their language and text, indented and nested ones too."""
        assert expected == [(fence.language, fence.text) for fence in fences(markdown)]

    @pytest.mark.parametrize(
        ("line", "argv", "runnable"),
        [
            ("$ runstrength timeline --format csv", ["timeline", "--format", "csv"], True),
            (".venv/bin/pip install . && .venv/bin/runstrength timeline", ["timeline"], True),
            ("python -m runstrength show arms.yaml", ["show", "arms.yaml"], True),
            ("runstrength validate workouts/*.yaml", ["validate", "workouts/*.yaml"], False),
            ("runstrength show [NAME|FILE|-]", ["show", "[NAME|FILE|-]"], False),
        ],
    )
    def test_invocations(self, line: str, argv: list[str], runnable: bool) -> None:  # noqa: FBT001
        """Command lines are found after prompts, paths and ``&&``; globs and synopses are not run."""
        (invocation,) = invocations(line)
        assert (argv, runnable) == (invocation.argv, invocation.runnable)

    def test_head_and_stdin(self) -> None:
        """A trailing ``| head -n N`` and a ``< FILE`` are understood."""
        (invocation,) = invocations("$ runstrength validate - < arms.json | head -n 3")
        assert (["validate", "-"], 3, "arms.json") == (invocation.argv, invocation.head, invocation.stdin)

    def test_unknown_option(self) -> None:
        """A command line naming an option its command lacks is caught."""
        (invocation,) = invocations("runstrength timeline --colour")
        with pytest.raises(AssertionError, match="no option --colour"):
            check_options(invocation)

    def test_wrong_choices(self) -> None:
        """A synopsis listing other choices than the command takes is caught."""
        (invocation,) = invocations("runstrength timeline [--format table|html]")
        with pytest.raises(AssertionError, match="choices of --format"):
            check_options(invocation)


class TestSite:
    """The site's navigation and generated pages."""

    def test_every_page_in_nav(self) -> None:
        """Every Markdown page under docs/ is in the navigation, and every entry exists."""
        expected = sorted(path.relative_to(DOCS).as_posix() for path in PAGES)
        assert expected == sorted(nav_pages())

    def test_gallery_lists_every_workout(self) -> None:
        """The gallery shows every built-in workout with its summary and timeline."""
        page = load_hooks().expand((DOCS / "gallery.md").read_text(encoding="utf-8"))
        for name in catalog.names():
            workout = catalog.get(name)
            assert f"## {workout.title}" in page
            assert f"runstrength timeline {name}" in page
            first_row = render(runstrength.build_timeline(workout), "markdown").splitlines()[6]
            assert f"    {first_row}\n" in page

    @pytest.mark.parametrize(
        "path", [p for p in PAGES if "<!-- generated:" in p.read_text(encoding="utf-8")], ids=page_id
    )
    def test_markers_expand(self, path: Path) -> None:
        """Every generated part of a page is filled in."""
        assert "<!-- generated:" not in load_hooks().expand(path.read_text(encoding="utf-8"))

    def test_fit_mapping(self) -> None:
        """The FIT page lists every step rule and exercise pattern of the exporter."""
        page = load_hooks().expand((DOCS / "reference" / "fit.md").read_text(encoding="utf-8"))
        assert [] == [part for part, steps in STEP_MAPPING if f"| {part} | {steps} |" not in page]
        assert [] == [pattern for pattern, _, _ in EXERCISE_CATEGORIES if f"| `{pattern}` |" not in page]

    def test_unknown_marker(self) -> None:
        """A marker naming no generator fails the build instead of vanishing."""
        with pytest.raises(ValueError, match="no generator named 'nothing'"):
            load_hooks().expand("<!-- generated: nothing -->\n")


# --- the reference pages -------------------------------------------------------------------


def sections(path: Path) -> dict[str, str]:
    """A page's level-2 and level-3 sections by heading text (without backticks), as built."""
    found: dict[str, str] = {}
    heading = ""
    fenced = False
    for line in load_hooks().expand(path.read_text(encoding="utf-8")).splitlines():
        if re.match(r"^ *(```|~~~)", line):
            fenced = not fenced
        match = None if fenced else re.match(r"^#{2,3} (.+)$", line)
        if match:
            heading = match[1].replace("`", "").strip()
            found[heading] = ""
        elif heading:
            found[heading] += line + "\n"
    return found


def table_rows(section: str) -> dict[str, list[str]]:
    """A section's table rows keyed by the first cell's code (`` `name` ``)."""
    rows: dict[str, list[str]] = {}
    for line in section.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        match = re.fullmatch(r"`([a-z0-9_]+)`", cells[0]) if line.startswith("|") else None
        if match:
            rows[match[1]] = cells[1:]
    return rows


def _model_classes() -> list[type]:
    """Every class a workout document is made of, starting from `Workout`."""
    found: list[type] = []
    pending: list[type] = [runstrength.Workout]
    while pending:
        cls = pending.pop(0)
        if cls in found:
            continue
        found.append(cls)
        attrs.resolve_types(cls)
        for attribute in attrs.fields(cls):
            pending.extend(c for c in _classes_in(attribute.type) if attrs.has(c))
    return found


def _classes_in(annotation: object) -> Iterator[type]:
    if isinstance(annotation, type):
        yield annotation
    for argument in getattr(annotation, "__args__", ()):
        yield from _classes_in(argument)


MODEL = _model_classes()
FORMAT_PAGE = DOCS / "reference" / "document-format.md"
DOCUMENT_ONLY_KEYS = {"type", "max_reps"}


def document_default(attribute: attrs.Attribute[Any]) -> str:
    """How the format page writes a field's default: ``required``, ``none`` or the value as JSON."""
    if attribute.default is attrs.NOTHING:
        return "required"
    if attribute.default is None:
        return "none"
    value = attribute.default
    plain = value.value if hasattr(value, "value") else list(value) if isinstance(value, tuple) else value
    return f"`{json.dumps(plain)}`"


class TestDocumentFormatPage:
    """The document format reference's tables, generated from the rules, cover every field of every class."""

    def test_every_class_has_a_section(self) -> None:
        """Each class a document is made of has its own section."""
        expected = sorted(cls.__name__ for cls in MODEL)
        assert expected == sorted(name for name in sections(FORMAT_PAGE) if name in expected)

    @pytest.mark.parametrize("cls", MODEL, ids=lambda cls: cls.__name__)
    def test_every_field(self, cls: type) -> None:
        """The class's section has one row per field (plus document-only keys), none missing or extra."""
        rows = table_rows(sections(FORMAT_PAGE)[cls.__name__])
        expected = sorted(attribute.name for attribute in attrs.fields(cls))
        assert expected == sorted(set(rows) - DOCUMENT_ONLY_KEYS)

    @pytest.mark.parametrize("cls", MODEL, ids=lambda cls: cls.__name__)
    def test_defaults(self, cls: type) -> None:
        """The default column says required, none, or the value a missing field takes."""
        rows = table_rows(sections(FORMAT_PAGE)[cls.__name__])
        expected = {attribute.name: document_default(attribute) for attribute in attrs.fields(cls)}
        assert expected == {name: rows[name][1] for name in expected}


CLI_PAGE = DOCS / "reference" / "cli.md"


class TestCliPage:
    """The command line reference covers every command and option, and names no other."""

    @pytest.mark.parametrize("command", list(COMMANDS), ids=lambda name: name or "runstrength")
    def test_every_option(self, command: str) -> None:
        """Every option of the command appears in its section."""
        title = f"runstrength {command}".strip()
        section = sections(CLI_PAGE)[title]
        wanted = [string for string in options(command) if command == "" or string not in ("-h", "--help")]
        missing = [string for string in wanted if f"`{string}" not in section]
        assert [] == missing

    def test_every_command(self) -> None:
        """Every command has a section, and every section a command."""
        expected = sorted(f"runstrength {name}".strip() for name in COMMANDS)
        assert expected == sorted(name for name in sections(CLI_PAGE) if name.startswith("runstrength"))

    @pytest.mark.parametrize("command", list(COMMANDS), ids=lambda name: name or "runstrength")
    def test_no_other_option(self, command: str) -> None:
        """Every option a section names exists."""
        title = f"runstrength {command}".strip()
        named = set(re.findall(r"`(--?[a-z][a-z-]*)", sections(CLI_PAGE)[title]))
        assert set() == named - set(options(command))


API_PAGE = DOCS / "reference" / "api.md"


class TestApiPage:
    """The API reference shows every public name, and only those."""

    def test_every_public_name(self) -> None:
        """Each name in ``runstrength.__all__`` (but the catalog module, with its own page) has an entry."""
        shown = re.findall(r"^::: runstrength\.(\w+)$", API_PAGE.read_text(encoding="utf-8"), re.MULTILINE)
        assert sorted(name for name in runstrength.__all__ if name != "catalog") == sorted(shown)


PACING_PAGE = DOCS / "concepts" / "pacing.md"


def _written(value: object) -> str:
    """A default as the pacing page writes it: ``3``, ``100 000``, ``typical``, ``none``."""
    if value is None:
        return "none"
    if isinstance(value, Enum):
        return str(value.value)
    assert isinstance(value, int | float)
    return f"{value:,g}".replace(",", " ")


class TestPacingPage:
    """The pacing page explains every default, with its value."""

    def test_every_default(self) -> None:
        """The table has one row per `Pacing` field, showing its default."""
        rows = table_rows(sections(PACING_PAGE)["The defaults, and why"])
        expected = {field.name: _written(field.default) for field in attrs.fields(runstrength.Pacing)}
        assert expected == {name: cells[0] for name, cells in rows.items()}
