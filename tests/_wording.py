"""The content rule's check: text may carry a source's facts, never its sentences.

A text copies a source when it shares a run of `RUN` words with it, ignoring case,
punctuation and apostrophes.

>>> copied(
...     {"cues": ["Keep your back flat.", "Then: lift it up, then put it down!"]},
...     ["lift it up then put it down"],
... )
['Then: lift it up, then put it down!']
"""

from __future__ import annotations

import re
from collections.abc import Iterable

RUN = 6
"""The longest run of words a text may share with a source, plus one."""


def runs(text: str) -> set[tuple[str, ...]]:
    """Every run of `RUN` consecutive words in ``text``."""
    words = re.findall(r"[a-z0-9]+", text.lower().replace("'", "").replace("’", ""))
    return {tuple(words[i : i + RUN]) for i in range(len(words) - RUN + 1)}


def texts(data: object) -> list[str]:
    """Every string inside a document (or a single string)."""
    if isinstance(data, str):
        return [data]
    if isinstance(data, dict):
        return [text for value in data.values() for text in texts(value)]
    if isinstance(data, list):
        return [text for value in data for text in texts(value)]
    return []


def copied(data: object, sources: Iterable[str]) -> list[str]:
    """The strings of ``data`` that share a run of `RUN` words with one of ``sources``."""
    taken = frozenset(run for source in sources for run in runs(source))
    return [text for text in texts(data) if runs(text) & taken]
