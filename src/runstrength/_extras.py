"""Import optional dependencies lazily, with an error that names the extra to install."""

from __future__ import annotations

import importlib
from types import ModuleType

from ._errors import MissingExtraError


def require(module: str, extra: str) -> ModuleType:
    """Import ``module``, or raise `MissingExtraError` naming the ``runstrength[extra]`` to install."""
    try:
        return importlib.import_module(module)
    except ImportError:
        msg = f"this feature needs {module.split('.', maxsplit=1)[0]}: pip install 'runstrength[{extra}]'"
        raise MissingExtraError(msg) from None
