"""Write files so that a reader never sees half of one: temp file in the same folder, then rename.

The rename goes to the real file a symlink points at (the link stays a link), the finished file
keeps the mode of the file it replaces (a 0600 case file stays 0600; a new one gets 0666 & ~umask),
and the folder is fsynced after the rename so the new name survives a crash. Targets that are
not regular files (a folder, /dev/null, a FIFO) and the files a command reads (`forbid`) are
refused before anything is written. Every OS failure is a YaosuError in Chinese (disk full has
its own message).
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

from engine.errors import E, YaosuError

# mkstemp creates 0600 files; a finished output should get the usual permissions (0666 & ~umask).
# The umask is read once at import: changing it later from a threaded server would race.
_UMASK = os.umask(0)
os.umask(_UMASK)
FILE_MODE = 0o666 & ~_UMASK

FileIdentity = tuple[int, int, int, int]  # device, inode, size, mtime (ns)

_OS_MESSAGES = {
    errno.ENOSPC: "磁盘空间不足",
    errno.EDQUOT: "磁盘配额已用完",
    errno.EACCES: "没有写入权限",
    errno.EPERM: "没有写入权限",
    errno.EROFS: "文件系统为只读",
    errno.ENAMETOOLONG: "文件名过长",
    errno.EISDIR: "这是一个文件夹",
    errno.ENOTDIR: "路径中有一段不是文件夹",
    errno.ELOOP: "符号链接循环",
    errno.EEXIST: "同名文件已存在，不能用作文件夹",
}


def write_error(path: str | Path, exc: OSError) -> YaosuError:
    """A Chinese one-liner for an OS error while writing `path`."""
    reason = _OS_MESSAGES.get(exc.errno or 0) or exc.strerror or str(exc)
    return YaosuError(E.E850, file=path, reason=reason, path=str(path))


def file_identity(path: str | Path) -> FileIdentity | None:
    """What changes when a file is replaced or rewritten; None when it does not exist."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return None
    return info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns


def resolve_output(path: str | Path, forbid: Iterable[str | Path] = ()) -> Path:
    """The real file a write to `path` replaces (symlinks followed); refuses non-regular targets
    and any of the `forbid` files (the command's inputs)."""
    target = Path(os.path.realpath(path))
    try:
        info = os.stat(target)
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise write_error(path, exc) from exc
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise YaosuError(E.E851, file=path, path=str(path))
    if info is not None and not stat.S_ISREG(info.st_mode):
        raise YaosuError(E.E852, file=path, path=str(path))
    for source in forbid:
        if Path(os.path.realpath(source)) == target:
            raise YaosuError(E.E853, file=path, source=source, path=str(path))
    return target


def atomic_write_bytes(
    path: str | Path,
    data: bytes,
    *,
    forbid: Iterable[str | Path] = (),
    expect: FileIdentity | None | bool = False,
) -> Path:
    """Write `data` to `path` atomically; returns `path` as given.

    `expect` (compare and swap): the identity the file had when it was read (None: it did not
    exist); if the file changed since, nothing is written and a YaosuError says so.
    """
    target = resolve_output(path, forbid)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        current = os.stat(target) if target.exists() else None
        mode = stat.S_IMODE(current.st_mode) if current is not None else FILE_MODE
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise write_error(path, exc) from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        if expect is not False and file_identity(target) != expect:
            raise YaosuError(E.E854, file=path, path=str(path))
        os.replace(tmp, target)
        _fsync_folder(target.parent)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise write_error(path, exc) from exc
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return Path(path)


def _fsync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return  # some file systems do not let a folder be opened; the rename itself is done
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def atomic_write_text(path: str | Path, text: str, **options: object) -> Path:
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError as exc:  # a lone surrogate: refuse rather than write a broken file
        raise YaosuError(E.E855, file=path, path=str(path)) from exc
    return atomic_write_bytes(path, data, **options)  # type: ignore[arg-type]
