"""An Office Open XML package saved in ISO/IEC 29500 **Strict** form (Excel's 另存为 › Strict Open XML
电子表格, Word's Strict Open XML 文档) read as the Transitional package it is the same as.

Strict keeps the zip layout, the part names and the content types, but writes its namespaces and
relationship types under `http://purl.oclc.org/ooxml/…` where Transitional has
`http://schemas.openxmlformats.org/…/2006/…`. openpyxl then finds a workbook with no sheets and
python-docx no document at all. Putting the names back, part by part, gives the package Excel
would have written as Transitional; nothing else of it changes."""

from __future__ import annotations

import io
import re
import zipfile
from typing import IO

#: What marks a Strict package: its parts' names under this root (the package's own relationships
#: and core properties keep their names, which Strict shares with Transitional).
STRICT_ROOT = b"http://purl.oclc.org/ooxml/"

#: A Strict name: an area (officeDocument, spreadsheetml …) and a name in it, and for a relationship
#: type its kind (…/officeDocument/relationships/worksheet).
_STRICT_NAME = re.compile(rb"http://purl\.oclc\.org/ooxml/(officeDocument|spreadsheetml|wordprocessingml|presentationml"
                          rb"|drawingml|schemaLibrary)/([A-Za-z]+)(?:/([A-Za-z]+))?")

#: The Transitional names that are not the Strict ones respelt (the document properties).
_RESPELT = {b"extendedProperties": b"extended-properties", b"customProperties": b"custom-properties"}

#: The parts written in XML, whose names are put back; any other part (a picture, an embedded
#: object) is copied as it is.
_XML_PARTS = (".xml", ".rels", ".vml")


def _transitional_name(match: re.Match[bytes]) -> bytes:
    area, name, kind = match.group(1), match.group(2), match.group(3)
    name = _RESPELT.get(name, name)
    out = b"http://schemas.openxmlformats.org/" + area + b"/2006/" + name
    if kind is not None:
        out += b"/" + _RESPELT.get(kind, kind)
    return out


def transitional_xml(data: bytes) -> bytes:
    """One part's XML with its Strict namespaces and relationship types written as Transitional."""
    data = _STRICT_NAME.sub(_transitional_name, data)
    return re.sub(rb'\sconformance="strict"', b"", data, count=1)


def is_strict(package: zipfile.ZipFile) -> bool:
    """Whether the package's main part is related to it as Strict names it."""
    try:
        return STRICT_ROOT in package.read("_rels/.rels")
    except KeyError:
        return False


def transitional(source: str | IO[bytes], limit: int) -> io.BytesIO | None:
    """A copy in memory of the package at `source` with every XML part's names put back to
    Transitional, or None when it is not a Strict package (it is then read as it is) or unpacks to
    more than `limit` bytes (left to the reader, which refuses or passes over such a package).
    Reading a part stops at its declared size."""
    with zipfile.ZipFile(source) as package:
        if sum(member.file_size for member in package.infolist()) > limit or not is_strict(package):
            return None
        copy = io.BytesIO()
        with zipfile.ZipFile(copy, "w", zipfile.ZIP_DEFLATED) as out:
            for member in package.infolist():
                data = package.read(member.filename)
                if member.filename.lower().endswith(_XML_PARTS):
                    data = transitional_xml(data)
                out.writestr(member, data)
    copy.seek(0)
    return copy
