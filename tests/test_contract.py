"""The published contract of ``schema_version: 1``: what a document may hold, pinned.

Every limit, choice and required key of the format is declared once, on the model's rules,
and the JSON Schema is generated from them; nothing else repeats them. That single source
cannot show an accidental change, such as a text limit of 200 becoming 199, which would
refuse documents that loaded before. So the schema's structure is pinned here as a golden
file (`tests/golden/workout.schema.json`, without the descriptions, which may change freely).
A deliberate change of the format updates the file in the same commit, with a CHANGELOG
line; regenerate it with ``python tests/test_contract.py``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from runstrength import json_schema

GOLDEN = Path(__file__).resolve().parent / "golden" / "workout.schema.json"
PROSE = frozenset({"description", "title", "$comment", "examples"})
"""Keywords that explain the format rather than constrain it."""


NAMED = frozenset({"properties", "$defs", "patternProperties", "dependentSchemas"})
"""Keywords whose value maps names (which may be ``title``) to schemas."""


def structure(schema: Any, *, names: bool = False) -> Any:
    """The schema without its prose: every constraint, in a stable order.

    ``names``: ``schema`` maps names to schemas, so every key is kept.
    """
    if isinstance(schema, dict):
        return {
            key: structure(value, names=key in NAMED and not names)
            for key, value in sorted(schema.items())
            if names or key not in PROSE
        }
    if isinstance(schema, list):
        return [structure(value) for value in schema]
    return schema


def pinned_text() -> str:
    """The golden file's text for the schema as it is now."""
    return json.dumps(structure(json_schema()), indent=1, ensure_ascii=False) + "\n"


def test_the_format_is_as_published() -> None:
    """The schema's constraints are those of the golden file: limits, choices, required keys."""
    expected = json.loads(GOLDEN.read_text(encoding="utf-8"))
    assert expected == json.loads(pinned_text()), (
        "the document format changed; if that is intended, run `python tests/test_contract.py` "
        "and add a CHANGELOG line"
    )


def test_prose_is_not_pinned() -> None:
    """Descriptions are left out, so rewording a field's meaning needs no new golden file."""
    assert "description" not in pinned_text()
    assert "description" in json.dumps(json_schema())


if __name__ == "__main__":
    GOLDEN.write_text(pinned_text(), encoding="utf-8")
    sys.exit(0)
