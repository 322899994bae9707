"""A griffe extension for the API reference: show docstrings' ``>>>`` examples as code.

runstrength's docstrings put their doctests in the text, where Markdown would read ``>>>`` as
nested quotes and ``[...]`` as links; this wraps each run of example lines in a ``pycon``
fence instead. The doctests themselves run with pytest's ``--doctest-modules``.
"""

from __future__ import annotations

import re
from typing import Any, Final

from griffe import Extension, Object

PROMPT: Final = re.compile(r"^(?P<indent> *)>>> ")


def fenced(text: str) -> str:
    """The docstring with every example (a ``>>>`` line up to the next blank line) fenced."""
    out: list[str] = []
    indent: str | None = None
    for line in text.splitlines():
        if indent is None:
            prompt = PROMPT.match(line)
            if prompt:
                indent = prompt["indent"]
                out.append(f"{indent}```pycon")
        elif not line.strip():
            out.append(f"{indent}```")
            indent = None
        out.append(line)
    if indent is not None:
        out.append(f"{indent}```")
    return "\n".join(out)


class DoctestBlocks(Extension):
    """Fence the ``>>>`` examples of every docstring."""

    def on_object(self, *, obj: Object, **_: Any) -> None:
        """Rewrite the object's docstring once the tree is loaded."""
        if obj.docstring is not None and ">>> " in obj.docstring.value:
            obj.docstring.value = fenced(obj.docstring.value)
