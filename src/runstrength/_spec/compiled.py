"""Each class's validation loop, unrolled into a function of its own: the one code generator.

`Validated`'s plain loop (``runstrength._spec.validated.plain_validator``) walks a class's
fields and relations through tuples on every construction. This module writes the same loop
out once per class, when the class is first built, with one statement per field and per
relation, so a construction pays for no tuples, no ``zip`` and no calls through ``*args``.
Nothing else changes: the generated function calls the very `Rule.accepts` and relation
checks the plain loop calls, in the same order, and settles a doubt through the same function.

The one liberty it takes is the one a reader would: a relation whose fields all hold their
defaults, and that finds nothing about those defaults, is not asked again (relations are
pure functions of their fields' values).

As attrs does for the methods it writes, the source is registered with `linecache` under a
readable name (``<runstrength validator Exercise>``), so tracebacks and debuggers show its
lines; `source` gives it for reading. Setting the environment variable
``RUNSTRENGTH_NO_CODEGEN`` to ``1`` before runstrength is imported switches generation
off: every class then validates through the plain loop (CI runs the core tests both ways,
and ``tests/test_compiled.py`` checks that the two agree on valid and hostile values).
"""

from __future__ import annotations

import keyword
import linecache
import os
from collections.abc import Callable, Sequence
from typing import Final

ENABLED: Final = os.environ.get("RUNSTRENGTH_NO_CODEGEN", "") != "1"
"""Whether classes validate through generated functions (``RUNSTRENGTH_NO_CODEGEN=1``: no)."""

Validate = Callable[[object], None]

_SOURCES: dict[type, str] = {}


def _filename(cls: type) -> str:
    return f"<runstrength validator {cls.__module__}.{cls.__qualname__}>"


def source(cls: type) -> str | None:
    """The source of the validator generated for ``cls``, if one was."""
    return _SOURCES.get(cls)


def compile_validator(  # noqa: PLR0913 - what the plain loop reads, handed over explicitly
    cls: type,
    names: Sequence[str],
    defaults: Sequence[object],
    accepts: Sequence[Callable[[object], bool]],
    relations: Sequence[tuple[Sequence[str], Callable[..., object], bool]],
    *,
    no_default: object,
    trusted: Callable[[], bool],
    settle: Callable[[object], None],
) -> Validate | None:
    """The validation loop of ``cls`` as one generated function, or ``None`` if it cannot be.

    Args:
        cls: the class (for the function's name and file name).
        names: its field names, in declaration order.
        defaults: each field's default, ``no_default`` for a required field.
        accepts: each field's rule's quick check.
        relations: each relation's field names, its check, and whether it finds nothing while
            every one of those fields holds its (fixed) default: then it is not asked.
        no_default: the marker of a required field (``attrs.NOTHING``).
        trusted: says whether checks are off (the loader's collecting pass).
        settle: called with an object that failed a quick check or a relation: it raises
            the object's problems, or returns when the findings find none.

    Returns ``None`` (the plain loop is used) when a field's name cannot be a local name.
    """
    if not all(name.isidentifier() and not keyword.iskeyword(name) and name[0] != "_" for name in names):
        return None
    if "self" in names:
        return None
    scope: dict[str, object] = {"_trusted": trusted, "_settle": settle}
    lines = ["def validate(self):", "    if _trusted():", "        return"]
    for name, default, accept in zip(names, defaults, accepts, strict=True):
        scope[f"_accepts_{name}"] = accept
        lines.append(f"    {name} = self.{name}")
        if default is no_default or _is_factory(default):
            lines.append(f"    if not _accepts_{name}({name}):")
        else:
            scope[f"_default_{name}"] = default
            lines.append(f"    if {name} is not _default_{name} and not _accepts_{name}({name}):")
        lines.append("        _settle(self)")
        lines.append("        return")
    for index, (fields, check, quiet_on_defaults) in enumerate(relations):
        scope[f"_relation_{index}"] = check
        call = f"_relation_{index}({', '.join(fields)})"
        if quiet_on_defaults:
            at_defaults = " and ".join(f"{name} is _default_{name}" for name in fields)
            lines.append(f"    if not ({at_defaults}) and {call}:")
        else:
            lines.append(f"    if {call}:")
        lines.append("        _settle(self)")
        lines.append("        return")
    text = "\n".join(lines) + "\n"
    filename = _filename(cls)
    exec(compile(text, filename, "exec"), scope)  # noqa: S102 - our own source, from field names
    linecache.cache[filename] = (len(text), None, text.splitlines(keepends=True), filename)
    _SOURCES[cls] = text
    validate: Validate = scope["validate"]  # type: ignore[assignment] # the function just defined
    validate.__qualname__ = f"validate_{cls.__name__}"
    return validate


def _is_factory(default: object) -> bool:
    return type(default).__name__ == "Factory"  # attrs.Factory: a new value each time
