"""Import optional dependencies lazily, with an error that says what to install."""

from __future__ import annotations

import importlib
from types import ModuleType

from ._errors import MissingExtraError


def require(module: str, extra: str) -> ModuleType:
    """Import ``module``, or raise `MissingExtraError` naming runstrength's ``extra`` and what it installs."""
    try:
        return importlib.import_module(module)
    except ImportError:
        name = module.split(".", maxsplit=1)[0]
        wanted = " ".join(f"'{requirement}'" for requirement in _brought_by(extra))
        how = f"pip install {wanted}" if wanted else "install it"
        msg = f"this feature needs {name}, from runstrength's {extra} extra: {how}"
        raise MissingExtraError(msg) from None


def _brought_by(extra: str) -> list[str]:
    """The requirements runstrength's ``extra`` adds, as the installed package's metadata lists them.

    runstrength is installed from a clone or a wheel, not the package index, so the error names
    these requirements (``tomli-w>=1.0``), which install anywhere, rather than ``runstrength[toml]``.
    """
    from importlib import metadata  # noqa: PLC0415 - only for the error: it is slow to import

    try:
        requirements = metadata.requires("runstrength") or []
    except metadata.PackageNotFoundError:  # imported from a source tree that was never installed
        return []
    marker = f"extra == '{extra}'"
    return [req.split(";")[0].strip() for req in requirements if req.replace('"', "'").endswith(marker)]
