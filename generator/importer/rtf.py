"""Rich Text Format (.rtf): what Word and WPS write with 另存为 › RTF 格式, and what some systems
export.

An RTF file is text: groups in braces, control words (`\\par`, `\\cell`, `\\fs24`) and the
document's text between them. Chinese text is written as the bytes of the document's code page
(`\\ansicpg936`: GBK), each as `\\'hh`, or as Unicode (`\\u20013?`, the `?` a fallback for
readers without Unicode, skipped: `\\ucN` says how many characters follow as fallback). A table
is a run of rows, each begun by `\\trowd` with its cells' right edges (`\\cellx`), each cell's
paragraphs ended by `\\cell`, the row by `\\row`; a cell merged into the one before it
(`\\clmrg`, `\\clvmrg`) is written empty. Groups that are no text (the font and colour tables,
styles, the document's properties, pictures, a field's instruction, `{\\*\\…}` destinations) are
left out; a field's result is its text.
"""

from __future__ import annotations

import re
from typing import Any

from ..content.messages import say

#: Destinations whose text is not the document's.
_SKIPPED = {"fonttbl", "colortbl", "stylesheet", "info", "pict", "fldinst", "header", "headerl", "headerr",
            "headerf", "footer", "footerl", "footerr", "footerf", "footnote", "listtable", "listoverridetable",
            "revtbl", "rsidtbl", "xmlnstbl", "generator", "themedata", "colorschememapping", "datastore",
            "latentstyles", "pgdsctbl", "filetbl", "objdata", "bkmkstart", "bkmkend", "annotation", "atnid",
            "atnauthor", "comment", "mmathPr", "xe", "tc", "nonshppict", "shpinst", "template"}
#: Control words that stand for a character, and the character.
_CHARACTERS = {"tab": "\t", "emdash": "—", "endash": "–", "lquote": "‘", "rquote": "’", "ldblquote": "“",
               "rdblquote": "”", "bullet": "•", "emspace": "\u3000", "enspace": " ", "qmspace": " "}
_TOKEN = re.compile(rb"\\([a-zA-Z]{1,32})(-?[0-9]{1,10})? ?|\\'([0-9a-fA-F]{2})|\\(.)|([{}])|([^\\{}\r\n]+)|[\r\n]+",
                    re.S)
#: Code pages by \fcharset: GB2312 (134), Big5 (136), and the Western one.
_CHARSETS = {134: "gbk", 136: "big5", 0: "cp1252", 128: "cp932", 129: "cp949"}


class RtfError(ValueError):
    """The file is no RTF that can be read; the message says why."""


def items(data: bytes) -> list[tuple[str, object]]:
    """The document's paragraphs ("p", text) and tables ("t", rows of cells) in reading order."""
    if not data.lstrip().startswith(b"{\\rtf"):
        raise RtfError(say("import.why.no_rtf_header"))
    out: list[tuple[str, object]] = []
    codepage = "cp1252"
    fonts: dict[int, str] = {}
    stack: list[dict[str, Any]] = []
    state: dict[str, Any] = {"skip": False, "uc": 1, "font": None, "fonttbl": False}
    paragraph: list[str] = []
    pending = bytearray()  # \'hh bytes, decoded together (a GBK character is two)
    cell_parts: list[str] = []
    row: list[str] = []
    rows: list[list[str]] = []
    in_table = False
    skip_chars = 0
    font_number: int | None = None

    def flush_bytes() -> None:
        if pending:
            encoding = fonts.get(state["font"], codepage) if state["font"] is not None else codepage
            paragraph.append(pending.decode(encoding, errors="replace"))
            pending.clear()

    def text_so_far() -> str:
        flush_bytes()
        text = "".join(paragraph)
        paragraph.clear()
        return text

    def end_paragraph() -> None:
        nonlocal rows
        text = text_so_far()
        if in_table:
            cell_parts.append(text)
            return
        if rows:
            out.append(("t", rows))
            rows = []
        out.append(("p", text))

    def close_table() -> None:
        nonlocal rows
        if rows:
            out.append(("t", rows))
            rows = []

    for match in _TOKEN.finditer(data):
        word, number, hexa, symbol, brace, text = match.groups()
        if brace == b"{":
            flush_bytes()
            stack.append(dict(state))
            if len(stack) > 1000:
                raise RtfError(say("import.why.too_deep"))
            continue
        if brace == b"}":
            flush_bytes()
            if stack:
                state = stack.pop()
            continue
        if word is not None:
            name = word.decode("ascii")
            value = int(number) if number is not None else None
            if name == "ansicpg" and value is not None:
                codepage = {936: "gbk", 950: "big5", 932: "cp932", 949: "cp949"}.get(value, f"cp{value}")
                try:
                    "".encode(codepage)
                except LookupError:
                    codepage = "cp1252"
                continue
            if name == "fonttbl":
                state["fonttbl"] = True
                state["skip"] = True
                continue
            if state["fonttbl"]:
                if name == "f" and value is not None:
                    font_number = value
                elif name == "fcharset" and value is not None and font_number is not None:
                    fonts[font_number] = _CHARSETS.get(value, codepage)
                continue
            if name in _SKIPPED:
                state["skip"] = True
                continue
            if state["skip"]:
                continue
            if name == "f" and value is not None:
                flush_bytes()
                state["font"] = value
            elif name == "uc" and value is not None:
                state["uc"] = max(0, min(value, 10))
            elif name == "u" and value is not None:
                flush_bytes()
                paragraph.append(chr(value % 65536) if 0 < value % 65536 < 0xD800 or 0xE000 <= value % 65536 else "")
                skip_chars = int(state["uc"])
            elif name in ("par", "sect", "page"):
                end_paragraph()
            elif name == "line":
                paragraph.append("\n")
            elif name in ("cell", "nestcell"):
                in_table = True
                if paragraph or pending:
                    end_paragraph()
                row.append("\n".join(part for part in cell_parts if part.strip()))
                cell_parts.clear()
            elif name in ("row", "nestrow"):
                if cell_parts or paragraph or pending:
                    in_table = True
                    end_paragraph()
                    row.append("\n".join(part for part in cell_parts if part.strip()))
                    cell_parts.clear()
                rows.append(list(row))
                row.clear()
                in_table = False
            elif name == "trowd":
                in_table = True
            elif name == "intbl":
                in_table = True
            elif name == "pard":
                in_table = False
            elif name in _CHARACTERS:
                paragraph.append(_CHARACTERS[name])
            continue
        if hexa is not None:
            if state["skip"]:
                continue
            if skip_chars:
                skip_chars -= 1
                continue
            pending.append(int(hexa, 16))
            continue
        if symbol is not None:
            if symbol == b"*":
                state["skip"] = True
            elif not state["skip"]:
                if skip_chars:
                    skip_chars -= 1
                elif symbol in (b"\\", b"{", b"}"):
                    flush_bytes()
                    paragraph.append(symbol.decode())
                elif symbol == b"~":
                    paragraph.append("\u00a0")
                elif symbol == b"_":
                    paragraph.append("-")
            continue
        if text is not None and not state["skip"]:
            chunk = text
            if skip_chars:
                cut = min(skip_chars, len(chunk))
                chunk, skip_chars = chunk[cut:], skip_chars - cut
            if chunk:
                flush_bytes()
                encoding = fonts.get(state["font"], codepage) if state["font"] is not None else codepage
                paragraph.append(chunk.decode(encoding, errors="replace"))
    if paragraph or pending:
        end_paragraph()
    close_table()
    return out
