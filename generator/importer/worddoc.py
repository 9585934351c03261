"""Word 97–2003 documents (.doc, the Word Binary File Format of [MS-DOC]), and WPS 文字 files
(.wps) that are such documents inside: the main text's paragraphs and tables in reading order.

The file is a compound file (cfb.py). Its WordDocument stream begins with the FIB, which names
the table stream (0Table or 1Table) and where in it the piece table (the CLX) and the paragraph
properties (PlcBtePapx) stand. The piece table maps the document's characters (CPs) to the bytes
that hold them: UTF-16LE, or one byte a character (cp1252) where a piece is "compressed" — a
Chinese document is UTF-16. The main text is the first ccpText characters; the footnotes, headers,
comments and endnotes that follow it are not read (nor are they by the .docx reader). The text
boxes' story after them is: each box of the main text (PlcftxbxTxt) is read as the .docx reader
reads a w:txbxContent, its paragraphs and tables after what holds its anchor in the main text
(the shape of the same id in PlcfSpa: a paragraph, or a table whose cell holds it).

In the text, \\r ends a paragraph, \\x07 a table cell, \\x0b is a line break, \\x0c a page or
section break; a field is \\x13 code \\x14 result \\x15, its result kept (a PAGE or HYPERLINK
field's text, a number a formula shows) and its code dropped; \\x01 and \\x08 anchor pictures and
drawings, dropped; \\x1e is a non-breaking hyphen, \\x1f an optional one (dropped).

A table is runs of cells: each cell's paragraphs, the last ended by \\x07, then the row's end, a
paragraph of a lone \\x07 whose properties say so (sprmPFTtp); a cell of a table in a cell (depth
sprmPItap > 1) ends with a paragraph mark marked sprmPFInnerTableCell, its row with
sprmPFInnerTtp. The row end's properties hold the row's cell edges (sprmTDefTable), and the
table's columns are all of its rows' edges together, as Word lays out a table's grid: a cell
spanning columns has its text in its first and the others empty, columns a row leaves at its
start are empty, and a vertical merge's lower cells are empty (the text stands in its first),
rows of the same shape as the .docx reader gives. A table holding tables in its cells is read as
the .docx reader reads it: as what it holds, cell by cell, its paragraphs as paragraphs and its
tables as tables.

Read as the .docx reader reads them: tracked deletions are left out (the text as it reads with
every revision accepted), and text formatted hidden (sprmCFVanish, by direct formatting; not a
style's) is taken out of its paragraph and kept after it, or after its table, as text the file
holds but does not show. Word's automatic list numbers (一、 （一） 1. drawn before a list's
paragraphs, not in their text) are drawn as the .docx reader draws them (`_Lists`): before the
main text's paragraphs that hold text, not in tables or text boxes. Not read: a list a paragraph
has from its style (not its own properties); embedded objects (an Excel sheet pasted as an
object, an equation, a chart) show as nothing.

Every offset, count and size in the file is checked against the stream it points into, and each
loop is bounded by a stream's size: a damaged file is a `DocError` with the reason.
"""

from __future__ import annotations

import struct
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field

from ..content.messages import say
from .cfb import CfbError, Compound
from .wordlists import ListCounters, formatted


class DocError(ValueError):
    """The file is no Word 97–2003 document that can be read; args[0] says why."""


class DocEncrypted(DocError):
    """A document saved with a password to open it (fEncrypted)."""


class DocTooOld(DocError):
    """A Word 6.0/95 (or older) document, whose FIB has no piece table where Word 97's has."""


class NotWord(DocError):
    """A compound file that holds no Word document (another program's, a WPS file of its own format)."""


def _damaged(what: str) -> DocError:
    return DocError(say("import.why.doc_damaged", what=what))


#: A byte of a compressed piece as a character: cp1252, as [MS-DOC] 2.4.1 lists it; the bytes
#: cp1252 leaves undefined as themselves.
_BYTE = "".join(bytes([b]).decode("cp1252", errors="replace").replace("\ufffd", chr(b)) for b in range(256))

#: The deepest table in a table read; the widest span of a cell (as the .docx reader's).
_MAX_DEPTH, _MAX_SPAN, _MAX_COLUMNS = 8, 64, 64
#: Cell edges closer than this (twips) are one column edge of the table's grid.
_EDGE = 10

_IN_TABLE, _TTP, _ITAP, _INNER_CELL, _INNER_TTP = 0x2416, 0x2417, 0x6649, 0x244B, 0x244C
_HUGE_PAPX, _DEF_TABLE, _VERT_MERGE = 0x6646, 0xD608, 0xD62B
_DELETION, _VANISH = 0x0800, 0x083C
_ILFO, _ILVL = 0x460B, 0x260A
#: A character's marks (worddoc's own): a tracked deletion, hidden text.
_DELETED, _HIDDEN = 1, 2
#: The FIB's fc/lcb pairs read: the CLX, the main text's shapes (PlcfSpa), the text boxes'
#: story (PlcftxbxTxt), the lists (PlfLst) and their instances (PlfLfo).
_CLX, _SPA, _TXBX, _LST, _LFO = 33, 40, 56, 73, 74
#: A list level's number format (nfc, [MS-OSHARED] MSONFC) by its WordprocessingML name, as
#: wordlists.formatted draws it; a format not here draws no number.
_NFC = {0: "decimal", 1: "upperRoman", 2: "lowerRoman", 3: "upperLetter", 4: "lowerLetter", 10: "ideographDigital",
        11: "japaneseCounting", 14: "decimalFullWidth", 15: "decimal", 18: "decimalEnclosedCircle",
        19: "decimalFullWidth2", 22: "decimalZero", 27: "decimalEnclosedParen", 28: "decimalEnclosedCircleChinese",
        30: "ideographTraditional", 33: "taiwaneseCounting", 35: "taiwaneseCountingThousand", 37: "chineseCounting",
        38: "chineseLegalSimplified", 39: "chineseCountingThousand"}
#: The operand's size by a sprm's spra (6: given by its first byte).
_OPERAND = {0: 1, 1: 1, 2: 2, 3: 4, 4: 2, 5: 2, 7: 3}


@dataclass
class _Row:
    cells: list[list[tuple[str, object]]]
    edges: list[int] | None = None
    merged_down: set[int] = field(default_factory=set)


@dataclass
class _Table:
    rows: list[_Row] = field(default_factory=list)
    cells: list[list[tuple[str, object]]] = field(default_factory=list)
    cell: list[tuple[str, object]] = field(default_factory=list)


def items(data: bytes, max_chars: int) -> list[tuple[str, object]]:
    """The document's paragraphs ("p", text) and tables ("t", rows of cell texts) in reading order;
    at most about `max_chars` characters of its text are read."""
    try:
        compound = Compound(data)
        word = compound.read("WordDocument")
    except CfbError as err:
        raise DocError(err.args[0]) from None
    if word is None:
        raise NotWord(say("import.why.no_word_stream"))
    reader = _Reader(compound, word)
    return _flattened(reader.body(max_chars))


class _Reader:
    def __init__(self, compound: Compound, word: bytes) -> None:
        self.compound, self.word = compound, word
        if len(word) < 34 or struct.unpack_from("<H", word, 0)[0] != 0xA5EC:
            raise NotWord(say("import.why.no_word_stream"))
        n_fib, = struct.unpack_from("<H", word, 2)
        flags, = struct.unpack_from("<H", word, 0x0A)
        if n_fib < 0xC0:
            raise DocTooOld()
        if flags & 0x0100:  # fEncrypted (with fObfuscated: XOR-obfuscated, a password all the same)
            raise DocEncrypted()
        try:
            csw, = struct.unpack_from("<H", word, 32)
            at = 34 + 2 * csw
            cslw, = struct.unpack_from("<H", word, at)
            self.ccp_text = struct.unpack_from("<I", word, at + 2 + 12)[0] if cslw >= 4 else 0
            #: ccpText, ccpFtn, ccpHdd, ccpMcr, ccpAtn, ccpEdn, ccpTxbx: the stories one after another
            self.ccps = struct.unpack_from("<7i", word, at + 2 + 12) if cslw >= 10 else ()
            at += 2 + 4 * cslw
            count, = struct.unpack_from("<H", word, at)
            self.fclcb = at + 2
            if count < 34 or self.fclcb + 8 * 34 > len(word):
                raise _damaged("FIB")
            self.pairs = min(count, (len(word) - self.fclcb) // 8)
        except struct.error:
            raise _damaged("FIB") from None
        try:
            table = compound.read("1Table" if flags & 0x0200 else "0Table")
        except CfbError as err:
            raise DocError(err.args[0]) from None
        if table is None:
            raise _damaged("table stream")
        self.table = table
        self._data: bytes | None = None

    def _pair(self, index: int) -> bytes:
        """The part of the table stream the FIB's fc/lcb pair `index` names (none where the FIB
        has no such pair)."""
        if index >= self.pairs:
            return b""
        fc, lcb = struct.unpack_from("<II", self.word, self.fclcb + 8 * index)
        if fc + lcb > len(self.table):
            raise _damaged("FIB")
        return self.table[fc:fc + lcb]

    def _pair_at(self, index: int) -> int:
        """Where in the table stream the part the FIB's fc/lcb pair `index` names begins."""
        return struct.unpack_from("<I", self.word, self.fclcb + 8 * index)[0] if index < self.pairs else 0

    def body(self, max_chars: int) -> list[tuple[str, object]]:
        main = min(self.ccp_text, max_chars) if self.ccp_text else max_chars
        boxes = self._text_boxes() if self.ccp_text and main == self.ccp_text else []
        if boxes and boxes[-1][2] > max_chars:
            boxes = []  # (more than is read)
        try:
            text, pieces, prcs = self._text(max([main] + [end for _, _, end in boxes]))
        except DocError:
            if not boxes:
                raise
            boxes = []  # (the main text read without the text boxes, where theirs is damaged)
            text, pieces, prcs = self._text(main)
        marks = self._character_marks(text, pieces)
        runs = self._paragraph_runs()
        starts = [r[0] for r in runs]
        piece_starts = [p[0] for p in pieces]
        lists = _Lists(self.table, self._pair(_LST), self._pair_at(_LST), self._pair(_LFO))

        def properties(cp: int) -> list[tuple[int, bytes]] | None:
            """The sprms of the paragraph whose mark is the character `cp` (None: none found)."""
            k = bisect_right(piece_starts, cp) - 1
            if k < 0:
                return None
            cp0, start, width, prm = pieces[k]
            fc = start + (cp - cp0) * width
            n = bisect_right(starts, fc) - 1
            if n < 0 or not runs[n][0] <= fc < runs[n][1]:
                return None
            out = list(_sprms(runs[n][2]))
            if prm & 1 and (prm >> 1) < len(prcs):  # Prm1: properties the piece carries (a fast save's)
                out += _sprms(prcs[prm >> 1])
            return out

        def story(first: int, end: int, numbered: bool) -> tuple[list[tuple[str, object]], list[int]]:
            """The paragraphs and tables of the characters first…end, and where each ends (the CP of
            its last mark); the list numbers drawn before its paragraphs if `numbered`."""
            body: list[tuple[str, object]] = []
            ends: list[int] = []
            stack: list[_Table] = []
            hidden: list[str] = []  # the hidden text of the table being read, kept after it
            last_cp = first

            def close() -> None:
                table = stack.pop()
                if table.cell:
                    table.cells.append(table.cell)
                if table.cells:
                    table.rows.append(_Row(table.cells))
                if table.rows:
                    if stack:
                        stack[-1].cell.append(("t", table))
                    else:
                        body.append(("t", table))
                        ends.append(last_cp)
                if not stack and hidden:
                    body.append(("h", "\n".join(hidden)))
                    ends.append(last_cp)
                    hidden.clear()

            last_cell = False
            for unit, unseen, mark, cp in _units(text, marks, first, end):
                sprms = properties(cp) if mark is not None else []
                depth, row_end, cell_end, edges, merged = 0, False, mark == "\x07", None, set[int]()
                if sprms is None:  # no properties found: a cell mark right after a cell's is a row's end
                    depth = 1 if mark == "\x07" else 0
                    row_end = mark == "\x07" and last_cell and not unit
                else:
                    flags = {op: value for op, value in sprms}
                    if _ITAP in flags and len(flags[_ITAP]) == 4:
                        depth = min(struct.unpack("<i", flags[_ITAP])[0], _MAX_DEPTH)
                    elif flags.get(_IN_TABLE, b"\0")[:1] != b"\0" or mark == "\x07":
                        depth = 1
                    depth = max(depth, 1 if mark == "\x07" else 0)
                    if mark == "\x07":
                        row_end = flags.get(_TTP, b"\0")[:1] != b"\0"
                    elif depth > 1:
                        row_end = flags.get(_INNER_TTP, b"\0")[:1] != b"\0"
                        cell_end = not row_end and flags.get(_INNER_CELL, b"\0")[:1] != b"\0"
                    if row_end:
                        edges, merged = _row_shape(sprms)
                        if mark != "\x07":
                            depth = max(depth, 1)
                cell_end = cell_end and not row_end
                last_cell = cell_end
                while len(stack) > depth:
                    close()
                while len(stack) < depth:
                    stack.append(_Table())
                last_cp = cp
                if not stack:
                    if unseen and not unit.strip():
                        body.append(("h", unseen))  # a paragraph hidden whole
                        ends.append(cp)
                        continue
                    if numbered and unit.strip() and sprms:
                        unit = lists.label(sprms) + unit  # (the 一、 Word draws before a list's paragraph)
                    body.append(("p", unit))
                    ends.append(cp)
                    if unseen:
                        body.append(("h", unseen))
                        ends.append(cp)
                    continue
                if unseen:
                    hidden.append(unseen)
                table = stack[-1]
                if row_end:
                    if table.cell:
                        table.cells.append(table.cell)
                        table.cell = []
                    if table.cells:  # (a row's end with no cell before it is no row)
                        table.rows.append(_Row(table.cells, edges, merged))
                    table.cells = []
                else:
                    table.cell.append(("p", unit))
                    if cell_end:
                        table.cells.append(table.cell)
                        table.cell = []
            while stack:
                close()
            return body, ends

        body, ends = story(0, min(main, len(text)), True)
        # each text box read after what holds its anchor (a box anchored nowhere in the main text after all)
        after: dict[int, list[tuple[str, object]]] = {}
        for anchor, first, end in boxes:
            if end > len(text):
                break
            read = story(first, end, False)[0]
            while read and read[-1] == ("p", ""):
                read.pop()  # (the mark that ends the box)
            if not read:
                continue  # (a box that shows nothing: a shape's empty frame)
            at = bisect_left(ends, anchor) if anchor is not None and anchor < main else len(ends)
            after.setdefault(min(at, len(body) - 1), []).extend(read)
        if not after:
            return body
        out: list[tuple[str, object]] = []
        for n, item in enumerate(body):
            out.append(item)
            out += after.pop(n, [])
        for rest in after.values():
            out += rest
        return out

    def _text_boxes(self) -> list[tuple[int | None, int, int]]:
        """The main text's text boxes in the order of their story (the text-box story after the
        main text, the footnotes, headers, comments and endnotes; PlcftxbxTxt): each the CP of its
        anchor in the main text (the shape of the same id in PlcfSpa; None if none) and its
        characters' first CP and the CP after its last. A box's text is paragraphs and tables as
        the main text's; a box kept for reuse (deleted) and the story's closing entry are no box."""
        if len(self.ccps) < 7 or self.ccps[6] <= 0 or min(self.ccps) < 0:
            return []
        base = sum(self.ccps[:6])
        plc = self._pair(_TXBX)
        n = (len(plc) - 4) // 26
        if n < 2 or 4 + 26 * n != len(plc):
            return []
        cps = struct.unpack_from(f"<{n + 1}I", plc, 0)
        spa = self._pair(_SPA)
        shapes = (len(spa) - 4) // 30
        anchors: dict[int, int] = {}
        if shapes > 0 and 4 + 30 * shapes == len(spa):
            at_cps = struct.unpack_from(f"<{shapes + 1}I", spa, 0)
            for k in range(shapes):
                anchors.setdefault(struct.unpack_from("<i", spa, 4 * (shapes + 1) + 26 * k)[0], at_cps[k])
        out: list[tuple[int | None, int, int]] = []
        for k in range(n - 1):
            reusable, = struct.unpack_from("<H", plc, 4 * (n + 1) + 22 * k + 8)
            lid, = struct.unpack_from("<i", plc, 4 * (n + 1) + 22 * k + 14)
            if not reusable and cps[k] < cps[k + 1] <= self.ccps[6]:
                out.append((anchors.get(lid), base + cps[k], base + cps[k + 1]))
        return out

    def _text(self, wanted: int) -> tuple[str, list[tuple[int, int, int, int]], list[bytes]]:
        """The document's first `wanted` characters (its main text, and the stories after it where
        they are read), one character a CP; its pieces (first CP, first byte in the WordDocument
        stream, bytes a character, Prm); the CLX's property lists (Prc) the pieces may name."""
        clx = self._pair(_CLX)
        prcs: list[bytes] = []
        at = 0
        plc = b""
        while at < len(clx):  # Prc* then the Pcdt
            if clx[at] == 1 and at + 3 <= len(clx):
                size, = struct.unpack_from("<h", clx, at + 1)
                if size < 0 or at + 3 + size > len(clx):
                    raise _damaged("CLX")
                prcs.append(clx[at + 3:at + 3 + size])
                at += 3 + size
            elif clx[at] == 2 and at + 5 <= len(clx):
                size, = struct.unpack_from("<I", clx, at + 1)
                plc = clx[at + 5:at + 5 + size]
                break
            else:
                raise _damaged("CLX")
        n = (len(plc) - 4) // 12
        if n < 1:
            raise _damaged("piece table")
        cps = struct.unpack_from(f"<{n + 1}I", plc, 0)
        parts: list[str] = []
        pieces: list[tuple[int, int, int, int]] = []
        length = 0
        for k in range(n):
            cp0, cp1 = cps[k], min(cps[k + 1], wanted)
            if cp0 != length:
                raise _damaged("piece table")
            if cp1 <= cp0:
                break
            raw_fc, prm = struct.unpack_from("<IH", plc, 4 * (n + 1) + 8 * k + 2)
            count = cp1 - cp0
            if raw_fc & 0x40000000:
                start, width = (raw_fc & 0x3FFFFFFF) // 2, 1
                chunk = self.word[start:start + count]
                part = chunk.decode("latin-1").translate(_BYTE_TABLE)
            else:
                start, width = raw_fc & 0x3FFFFFFF, 2
                chunk = self.word[start:start + 2 * count]
                units = array("H")
                units.frombytes(chunk[:len(chunk) // 2 * 2])
                part = "".join(map(chr, units)) if len(units) * 2 == len(chunk) else ""
            if len(part) != count:
                raise _damaged("piece table")
            pieces.append((cp0, start, width, prm))
            parts.append(part)
            length = cp1
        return "".join(parts), pieces, prcs

    def _character_marks(self, text: str, pieces: list[tuple[int, int, int, int]]) -> bytearray:
        """Each character's marks: _DELETED where it is a tracked deletion (sprmCFRMarkDel), _HIDDEN
        where it is formatted hidden (sprmCFVanish), from the character properties (PlcBteChpx over
        the ChpxFkp pages); by direct formatting only, not a style's."""
        marks = bytearray(len(text))
        runs = self._fkp_runs(12, self._chpx)
        runs = [r for r in runs if r[2]]
        if not runs:
            return marks
        starts = [r[0] for r in runs]
        for n, (cp0, start, width, _) in enumerate(pieces):
            cp1 = pieces[n + 1][0] if n + 1 < len(pieces) else len(text)
            end = start + (cp1 - cp0) * width
            k = max(bisect_right(starts, start) - 1, 0)
            while k < len(runs) and runs[k][0] < end:
                fc0, fc1, flags = runs[k]
                if fc1 > start:
                    first = cp0 + (max(fc0, start) - start) // width
                    last = cp0 + (min(fc1, end) - start + width - 1) // width
                    marks[first:last] = bytes([flags[0]]) * (last - first)
                k += 1
        return marks

    @staticmethod
    def _chpx(page: bytes, at: int) -> bytes:
        """A Chpx's marks, as one byte (b"" for none)."""
        flags = 0
        for op, value in _sprms(page[at + 1:at + 1 + page[at]]):
            on = value[:1] in (b"\x01", b"\x81")
            if op == _DELETION:
                flags = flags | _DELETED if on else flags & ~_DELETED
            elif op == _VANISH:
                flags = flags | _HIDDEN if on else flags & ~_HIDDEN
        return bytes([flags]) if flags else b""

    def _paragraph_runs(self) -> list[tuple[int, int, bytes]]:
        """The paragraph properties of the document: (first byte, byte after the last, grpprl) of
        each run of text that has them, in order (PlcBtePapx over the PapxFkp pages)."""
        return self._fkp_runs(13, self._papx)

    def _fkp_runs(self, index: int, read) -> list[tuple[int, int, bytes]]:
        """The runs of the FKP pages the FIB's pair `index` lists (13 paragraphs', 12 characters'):
        (first byte, byte after the last, what `read` makes of its properties) in order."""
        plc = self._pair(index)
        n = (len(plc) - 4) // 8
        if n < 1:
            return []
        pages = struct.unpack_from(f"<{n}I", plc, 4 * (n + 1))
        entry = 13 if index == 13 else 1  # a BxPap (offset and PHE) or a lone offset
        runs: list[tuple[int, int, bytes]] = []
        for pn in dict.fromkeys(p & 0x3FFFFF for p in pages):
            page = self.word[pn * 512:pn * 512 + 512]
            if len(page) < 512:
                raise _damaged("FKP")
            crun = page[511]
            if 4 * (crun + 1) + entry * crun > 511:
                raise _damaged("FKP")
            fcs = struct.unpack_from(f"<{crun + 1}I", page, 0)
            for i in range(crun):
                offset = 2 * page[4 * (crun + 1) + entry * i]
                runs.append((fcs[i], fcs[i + 1], read(page, offset) if offset else b""))
        runs.sort(key=lambda r: r[0])
        return runs

    def _papx(self, page: bytes, at: int) -> bytes:
        """A PapxInFkp's grpprl (its style index left out); one that is stored in the Data stream
        (sprmPHugePapx, a row of many cells) read from there."""
        cb = page[at]
        body = page[at + 2:at + 2 + 2 * page[at + 1]] if cb == 0 and at + 1 < len(page) else page[at + 1:at + 2 * cb]
        grpprl = body[2:]
        for op, value in _sprms(grpprl):
            if op == _HUGE_PAPX and len(value) == 4:
                data = self._data_stream()
                fc, = struct.unpack("<I", value)
                if fc + 2 <= len(data):
                    size, = struct.unpack_from("<H", data, fc)
                    return data[fc + 2:fc + 2 + size]
        return grpprl

    def _data_stream(self) -> bytes:
        if self._data is None:
            try:
                self._data = self.compound.read("Data") or b""
            except CfbError as err:
                raise DocError(err.args[0]) from None
        return self._data


@dataclass
class _Level:
    """A list level (LVL): the number it starts at, its number format (nfc), its number text (each
    level's number a placeholder, the character of the level's index, at `places`), the level
    above which alone it restarts (None: after any level above; ilvlRestartLim where fNoRestart)
    and whether it shows every level's number in arabic (fLegal)."""
    start: int
    nfc: int
    text: str
    places: tuple[int, ...]
    restart: int | None
    legal: bool


def _level(data: bytes, at: int) -> tuple[_Level, int] | None:
    """The LVL at `at` in the table stream and where the next begins (None: it runs past the end)."""
    if at + 28 > len(data):
        return None
    start, nfc, info = struct.unpack_from("<iBB", data, at)
    numbers = data[at + 6:at + 15]
    restart = data[at + 26] if info & 0x08 else None  # fNoRestart: ilvlRestartLim
    at += 28 + data[at + 24] + data[at + 25]  # its paragraph and character properties, not read
    if at + 2 > len(data):
        return None
    cch, = struct.unpack_from("<H", data, at)
    raw = data[at + 2:at + 2 + 2 * cch]
    if len(raw) != 2 * cch:
        return None
    text = raw.decode("utf-16-le", "replace")
    places: list[int] = []
    for n in numbers:  # (1-based places of the placeholders, the first 0 ending them)
        if not n:
            break
        if n <= len(text) and ord(text[n - 1]) < 9:
            places.append(n - 1)
    return _Level(start, nfc, text, tuple(places), restart, bool(info & 0x04)), at + 2 + 2 * cch


class _Lists:
    """Word's list numbers ([MS-DOC] PlfLst, its LVLs and PlfLfo): the number text Word draws
    before a paragraph of a list (sprmPIlfo: its list instance, 1-based; sprmPIlvl: its level),
    counted as Word counts, and as the .docx reader (wordlists.py) counts a .docx's lists: a
    counter per list (LSTF) and level, a deeper level restarting when one above moves on (but
    for fNoRestart), a list instance's start overrides (LFOLVL fStartAt) restarting its list where
    it is first used, its formatting overrides replacing its list's levels. A list table that runs
    past its stream draws no numbers (the text reads all the same)."""

    def __init__(self, table: bytes, lists: bytes, lists_at: int, instances: bytes) -> None:
        self.levels: dict[int, list[_Level]] = {}
        #: Each instance: its list, its start overrides and its formatting overrides by level.
        self.instances: list[tuple[int, dict[int, int], dict[int, _Level]]] = []
        self.counters = ListCounters()
        if len(lists) < 2 or len(instances) < 4:
            return
        count, = struct.unpack_from("<h", lists, 0)
        if count <= 0 or 2 + 28 * count > len(lists):
            return
        at = lists_at + 2 + 28 * count  # the LVLs follow the LSTFs, each list's in turn
        for k in range(count):
            lsid, = struct.unpack_from("<i", lists, 2 + 28 * k)
            levels: list[_Level] = []
            for _ in range(1 if lists[2 + 28 * k + 26] & 1 else 9):  # fSimpleList: one level
                read = _level(table, at)
                if read is None:
                    self.levels.clear()
                    return
                level, at = read
                levels.append(level)
            self.levels.setdefault(lsid, levels)
        n, = struct.unpack_from("<I", instances, 0)
        if 4 + 16 * n > len(instances):
            self.levels.clear()
            return
        at = 4 + 16 * n  # each instance's LFOData after all the LFOs
        for k in range(n):
            lsid = struct.unpack_from("<i", instances, 4 + 16 * k)[0]
            overrides = instances[4 + 16 * k + 12]
            starts: dict[int, int] = {}
            formats: dict[int, _Level] = {}
            at += 4  # (its cp)
            for _ in range(overrides):
                if at + 8 > len(instances):
                    break
                start, flags = struct.unpack_from("<iI", instances, at)
                at += 8
                if flags & 0x20:  # fFormatting: a whole LVL follows
                    read = _level(instances, at)
                    if read is None:
                        break
                    formats[flags & 0x0F], at = read
                if flags & 0x10:  # fStartAt
                    starts[flags & 0x0F] = start
            self.instances.append((lsid, starts, formats))

    def label(self, sprms: list[tuple[int, bytes]]) -> str:
        """The number text Word draws before the paragraph of these properties ("" for none), the
        lists' counters moved on."""
        ilfo = ilvl = 0
        for op, value in sprms:
            if op == _ILFO and len(value) == 2:
                ilfo, = struct.unpack("<h", value)
            elif op == _ILVL and value:
                ilvl = value[0]
        if not 1 <= ilfo <= len(self.instances):
            return ""
        lsid, starts, formats = self.instances[ilfo - 1]
        levels = [formats.get(k, level) for k, level in enumerate(self.levels.get(lsid, []))]
        if ilvl >= len(levels) or _NFC.get(levels[ilvl].nfc) is None:
            return ""  # (a bullet, a level that draws no number)
        level = levels[ilvl]
        counters = self.counters.step(lsid, ilfo, ilvl, level.start, starts,
                                      lambda deeper: levels[deeper].restart if deeper < len(levels) else None)
        out = list(level.text)
        for at in level.places:
            k = ord(level.text[at])
            shown = formatted(counters.get(k, levels[k].start if k < len(levels) else 1),
                              "decimal" if level.legal else _NFC.get(levels[k].nfc, "") if k < len(levels) else "")
            if shown is None:
                return ""
            out[at] = shown
        label = "".join(out)
        return label if label.strip() else ""


_BYTE_TABLE = {b: c for b, c in enumerate(_BYTE) if chr(b) != c}


def _sprms(grpprl: bytes) -> Iterator[tuple[int, bytes]]:
    """The sprms of a grpprl, each (its code, its operand); it stops where one runs past the end."""
    at = 0
    while at + 2 <= len(grpprl):
        op, = struct.unpack_from("<H", grpprl, at)
        at += 2
        spra = op >> 13
        if spra != 6:
            size = _OPERAND[spra]
        elif op == _DEF_TABLE:  # a two-byte size, one more than the bytes that follow it
            if at + 2 > len(grpprl):
                return
            size = struct.unpack_from("<H", grpprl, at)[0] - 1
            at += 2
        elif op == 0xC615 and at < len(grpprl) and grpprl[at] == 255:  # sprmPChgTabs at its longest
            deleted = grpprl[at + 1] if at + 1 < len(grpprl) else 0
            added_at = at + 2 + 4 * deleted
            added = grpprl[added_at] if added_at < len(grpprl) else 0
            size = 1 + 1 + 4 * deleted + 1 + 3 * added
        else:
            if at >= len(grpprl):
                return
            size = grpprl[at]
            at += 1
        if size < 0 or at + size > len(grpprl):
            return
        yield op, grpprl[at:at + size]
        at += size


def _row_shape(sprms: list[tuple[int, bytes]]) -> tuple[list[int] | None, set[int]]:
    """A row's cell edges (twips, one more than its cells) and its cells that are a vertical
    merge's lower parts, from its end's properties (sprmTDefTable, sprmTVertMerge)."""
    edges: list[int] | None = None
    merged: set[int] = set()
    for op, value in sprms:
        if op == _DEF_TABLE and value:
            count = min(value[0], _MAX_COLUMNS)
            if 1 + 2 * (count + 1) > len(value):
                continue
            edges = list(struct.unpack_from(f"<{count + 1}h", value, 1))
            merged = set()
            at = 1 + 2 * (count + 1)
            for k in range(count):
                if at + 20 * k + 2 <= len(value):
                    flags, = struct.unpack_from("<H", value, at + 20 * k)
                    if flags & 0x20 and not flags & 0x40:  # fVertMerge without fVertRestart
                        merged.add(k)
        elif op == _VERT_MERGE and len(value) >= 2:
            if value[1] == 1:
                merged.add(value[0])
            else:
                merged.discard(value[0])
    return edges, merged


def _units(text: str, marks: bytearray, first: int, end: int) -> Iterator[tuple[str, str, str | None, int]]:
    """The paragraphs and cells of the characters first…end of the text: each its text (fields'
    codes, anchors and tracked deletions dropped), its hidden text (its runs a line each), the
    character that ends it (\\r, \\x07, \\x0c; None for text left at the end) and that character's CP."""
    out: list[str] = []
    unseen: list[str] = []
    fields: list[bool] = []  # each open field: whether its code is still being read
    codes = 0
    for cp in range(first, end):
        ch = text[cp]
        if marks[cp] and ch not in "\r\x07\x0c":
            if marks[cp] & _HIDDEN and not marks[cp] & _DELETED and not codes and ch >= " ":
                unseen.append(ch)
            elif marks[cp] & _HIDDEN and not marks[cp] & _DELETED and ch == "\x0b":
                unseen.append("\n")
            if ch not in "\x13\x14\x15":
                continue
        elif unseen and unseen[-1] != "\n" and ch not in "\r\x07\x0c":
            unseen.append("\n")  # (hidden runs apart are a line each)
        if ch == "\x13":
            if len(fields) < 64:
                fields.append(True)
                codes += 1
            continue
        if ch == "\x14":
            if fields and fields[-1]:
                fields[-1] = False
                codes -= 1
            continue
        if ch == "\x15":
            if fields:
                codes -= fields.pop()
            continue
        if ch == "\x07":  # a cell's end ends any field left open in it
            fields.clear()
            codes = 0
        elif codes:
            continue
        if ch in "\r\x07\x0c":
            yield _whole("".join(out)), _lines("".join(unseen)), ch, cp
            out, unseen = [], []
        elif ch == "\x0b":
            out.append("\n")
        elif ch == "\x1e":
            out.append("-")
        elif ch in "\x01\x02\x03\x04\x05\x08\x0e\x1f":
            continue
        else:
            out.append(ch)
    if out or unseen:
        yield _whole("".join(out)), _lines("".join(unseen)), None, end


def _lines(text: str) -> str:
    return _whole("\n".join(line.strip() for line in text.split("\n") if line.strip()))


def _whole(text: str) -> str:
    """Text read one UTF-16 unit a character, its surrogate pairs made whole characters."""
    if any("\ud800" <= ch <= "\udfff" for ch in text):
        return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    return text


def _flattened(body: list[tuple[str, object]], depth: int = 0) -> list[tuple[str, object]]:
    """Paragraphs and tables as the writer takes them: a table holding tables read as what it
    holds, cell by cell (as the .docx reader reads one), any other as its rows of cell texts."""
    out: list[tuple[str, object]] = []
    for kind, item in body:
        if kind in ("p", "h"):
            out.append((kind, item))
            continue
        assert isinstance(item, _Table)
        if depth < 5 and any(k == "t" for row in item.rows for cell in row.cells for k, _ in cell):
            for row in item.rows:
                for n, cell in enumerate(row.cells):
                    if n not in row.merged_down:
                        out += _flattened(cell, depth + 1)
        else:
            out.append(("t", _grid(item)))
    return out


def _cell_text(cell: list[tuple[str, object]]) -> str:
    lines: list[str] = []
    for kind, item in cell:
        if kind == "p":
            lines.append(str(item))
        else:  # a table deeper than read as tables: its cells' text, a line each
            assert isinstance(item, _Table)
            lines += [_cell_text(c) for row in item.rows for c in row.cells]
    return "\n".join(lines).rstrip("\n")


def _grid(table: _Table) -> list[list[str]]:
    """The table's rows on its grid (all its rows' cell edges): a cell spanning columns followed by
    empty ones, columns a row leaves at its start empty, a vertical merge's lower parts empty."""
    edges = sorted({e for row in table.rows if _shaped(row) for e in row.edges or ()})
    grid: list[int] = []
    for edge in edges:
        if not grid or edge - grid[-1] > _EDGE:
            grid.append(edge)

    def column(edge: int) -> int:
        return min(range(len(grid)), key=lambda k: abs(grid[k] - edge))

    rows = []
    for row in table.rows:
        texts = ["" if n in row.merged_down else _cell_text(cell) for n, cell in enumerate(row.cells)]
        if not _shaped(row) or not grid:
            rows.append(texts)
            continue
        assert row.edges is not None
        out = [""] * min(column(row.edges[0]), _MAX_SPAN)
        for n, text in enumerate(texts):
            out.append(text)
            out += [""] * (min(max(column(row.edges[n + 1]) - column(row.edges[n]), 1), _MAX_SPAN) - 1)
        rows.append(out)
    return rows


def _shaped(row: _Row) -> bool:
    """Whether a row's cell edges are there and as many as its cells and one more."""
    return row.edges is not None and len(row.edges) == len(row.cells) + 1

