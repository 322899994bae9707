"""Writing files atomically: the target is replaced only once the new content is complete."""

from __future__ import annotations

import os
from pathlib import Path


def write_atomic(path: str | os.PathLike[str], data: str | bytes) -> None:
    """Write ``data`` (text as UTF-8) to ``path`` without ever leaving it half written.

    The content goes to a temporary file in the same folder, is flushed to disk, and then
    replaces the target in one step (a rename).  If anything fails on the way (a full
    disk, a file-size limit, an interrupt), the target keeps its old content and the
    temporary file is removed.  An existing target's permission bits carry over.

    Raises:
        OSError: the folder cannot be written, or the disk refused the data.
    """
    import tempfile  # noqa: PLC0415 - loaded when something is written, not with the package

    target = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        mode: int | None = target.stat().st_mode & 0o7777
    except FileNotFoundError:
        mode = None
    try:
        descriptor, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as error:  # no such folder, or not ours to write: said of the target, not the temporary
        raise type(error)(error.errno, error.strerror, str(target)) from None
    try:
        with os.fdopen(descriptor, "wb") as file:
            file.write(payload)
            file.flush()
            os.fsync(file.fileno())
        if mode is not None:
            Path(temporary).chmod(mode)
        else:  # mkstemp makes the file private: give it the permissions a new file would get
            umask = os.umask(0)
            os.umask(umask)
            Path(temporary).chmod(0o666 & ~umask)
        Path(temporary).replace(target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
