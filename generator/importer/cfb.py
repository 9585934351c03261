"""The OLE2 compound file ([MS-CFB]) that holds a Word 97–2003 document: a small file system of
sectors, its streams found by name in the root storage.

Written for files from anywhere: every sector number, chain and size is checked against the file
before it is followed (a chain that loops, runs past the file's end or into a special sector, a
stream longer than its chain, a directory tree that loops), and anything amiss is a `CfbError`, so a
damaged file is refused in one line and never read for ever. (xlrd's reader, which the .xls reader
uses, follows a short stream's chain without a loop check.)
"""

from __future__ import annotations

import struct

from ..content.messages import say

SIGNATURE = bytes.fromhex("d0cf11e0a1b11ae1")
_END, _FREE = 0xFFFFFFFE, 0xFFFFFFFF
_MAX_SECTOR = 0xFFFFFFFA  # above this: special values (free, end of chain, FAT, DIFAT)
_NONE = 0xFFFFFFFF  # no directory entry


class CfbError(ValueError):
    """The file is no compound file that can be read; the message says why."""


def _damaged(what: str) -> CfbError:
    return CfbError(say("import.why.cfb_damaged", what=what))


class Compound:
    """A compound file's streams in its root storage, read from the bytes of the whole file."""

    def __init__(self, data: bytes) -> None:
        if len(data) < 512 or not data.startswith(SIGNATURE):
            raise CfbError(say("import.why.not_cfb"))
        major, order, shift, mini_shift = struct.unpack_from("<HHHH", data, 26)
        if order != 0xFFFE or (major, shift) not in ((3, 9), (4, 12)) or mini_shift != 6:
            raise _damaged("header")
        self.data = data
        self.size = 1 << shift
        self.v3 = major == 3
        self.sectors = max(0, -(-(len(data) - self.size) // self.size))  # (the last one may be cut short)
        (n_fat, first_dir, _, self.cutoff, first_minifat, n_minifat, first_difat,
         n_difat) = struct.unpack_from("<IIIIIIII", data, 44)
        difat = list(struct.unpack_from("<109I", data, 76))
        sid, seen = first_difat, set[int]()
        while sid <= _MAX_SECTOR and n_difat:
            if sid in seen or sid >= self.sectors or len(seen) >= n_difat:
                raise _damaged("DIFAT")
            seen.add(sid)
            entries = struct.unpack(f"<{self.size // 4}I", self._sector(sid))
            difat.extend(entries[:-1])
            sid = entries[-1]
        fat_sectors = [s for s in difat if s <= _MAX_SECTOR][:max(n_fat, 0)]
        if not fat_sectors or any(s >= self.sectors for s in fat_sectors) or len(set(fat_sectors)) < len(fat_sectors):
            raise _damaged("FAT")
        self.fat: list[int] = []
        for s in fat_sectors:
            self.fat.extend(struct.unpack(f"<{self.size // 4}I", self._sector(s)))
        directory = b"".join(self._sector(s) for s in self._chain(first_dir, self.fat, self.sectors))
        self.entries = [self._entry(directory[at:at + 128]) for at in range(0, len(directory) - 127, 128)]
        if not self.entries or self.entries[0][1] != 5:
            raise _damaged("root entry")
        root = self.entries[0]
        self.minifat: list[int] = []
        if n_minifat and first_minifat <= _MAX_SECTOR:
            for s in self._chain(first_minifat, self.fat, self.sectors):
                self.minifat.extend(struct.unpack(f"<{self.size // 4}I", self._sector(s)))
        self.ministream = b""
        if root[3] and root[2] <= _MAX_SECTOR:
            self.ministream = self._regular(root[2], root[3])

    def _sector(self, sid: int) -> bytes:
        at = (sid + 1) * self.size
        block = self.data[at:at + self.size]
        return block + bytes(self.size - len(block))  # the last sector of a file cut a little short

    @staticmethod
    def _chain(start: int, table: list[int], limit: int) -> list[int]:
        """The sectors of a chain from `start`, each checked: below `limit`, listed in `table`, once."""
        out: list[int] = []
        seen: set[int] = set()
        sid = start
        while sid != _END:
            if sid > _MAX_SECTOR or sid >= limit or sid >= len(table) or sid in seen:
                raise _damaged("sector chain")
            seen.add(sid)
            out.append(sid)
            sid = table[sid]
        return out

    def _entry(self, raw: bytes) -> tuple[str, int, int, int, int, int, int]:
        """A directory entry: name, type (1 storage, 2 stream, 5 root), first sector, size, left,
        right and child entries."""
        length = min(struct.unpack_from("<H", raw, 64)[0], 64)
        name = raw[:max(length - 2, 0)].decode("utf-16-le", "replace")
        kind = raw[66]
        left, right, child = struct.unpack_from("<III", raw, 68)
        start = struct.unpack_from("<I", raw, 116)[0]
        size = struct.unpack_from("<Q", raw, 120)[0]
        if self.v3:
            size &= 0xFFFFFFFF  # (a version 3 file may leave the high half unset)
        return name, kind, start, size, left, right, child

    def _regular(self, start: int, size: int) -> bytes:
        if size > len(self.data):
            raise _damaged("stream size")
        sectors = self._chain(start, self.fat, self.sectors)
        data = b"".join(self._sector(s) for s in sectors)
        if len(data) < size:
            raise _damaged("stream size")
        return data[:size]

    def streams(self) -> dict[str, int]:
        """The streams of the root storage, by name (lower case), each its directory entry's index."""
        out: dict[str, int] = {}
        todo = [self.entries[0][6]]
        seen: set[int] = set()
        while todo:
            at = todo.pop()
            if at == _NONE:
                continue
            if at >= len(self.entries) or at in seen:
                raise _damaged("directory")
            seen.add(at)
            name, kind, _, _, left, right, _ = self.entries[at]
            if kind == 2:
                out.setdefault(name.lower(), at)
            todo += [left, right]
        return out

    def read(self, name: str) -> bytes | None:
        """The stream `name` of the root storage, or None if there is none."""
        at = self.streams().get(name.lower())
        if at is None:
            return None
        _, _, start, size, _, _, _ = self.entries[at]
        if size == 0:
            return b""
        if size >= self.cutoff:
            return self._regular(start, size)
        if size > len(self.ministream):
            raise _damaged("stream size")
        sectors = self._chain(start, self.minifat, len(self.ministream) // 64)
        data = b"".join(self.ministream[s * 64:(s + 1) * 64] for s in sectors)
        if len(data) < size:
            raise _damaged("stream size")
        return data[:size]
