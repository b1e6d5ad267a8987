"""Advisory locks for read-modify-write of a file (case files): `fcntl.flock` on a sidecar lock file.

The lock file (`.case.json.lock` beside `case.json`) is never the data file itself: the data file
is replaced by a rename on every write, and a lock held on the old inode would not keep out a
process that opened the new one. Everything that rewrites a case file from the CLI takes this
lock, so parallel `yaosu find` runs are serialised; the write itself is a compare and swap
(engine/atomic.py `expect`), so a writer that does not lock (an editor) makes the run fail loudly
instead of being overwritten.
"""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from engine.atomic import write_error
from engine.errors import E, YaosuError

LOCK_TIMEOUT_SECONDS = 60.0


def lock_path(path: str | Path) -> Path:
    target = Path(os.path.realpath(path))
    return target.with_name(f".{target.name}.lock")


@contextmanager
def exclusive_lock(path: str | Path, timeout: float = LOCK_TIMEOUT_SECONDS) -> Iterator[None]:
    """Hold the sidecar lock of `path`; a YaosuError when another process holds it past `timeout`."""
    sidecar = lock_path(path)
    try:
        fd = os.open(sidecar, os.O_RDWR | os.O_CREAT, 0o600)
    except OSError as exc:
        raise write_error(sidecar, exc) from exc
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise YaosuError(E.E870, file=path, timeout=timeout) from None
                time.sleep(0.02)
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock
