"""An XML part of a package (OFD, OpenDocument, a chart) or an XML file (XML Spreadsheet) parsed
with the standard library, refusing what no such part declares: entities (a billion-laughs bomb)
and, for the packages, a DTD at all."""

from __future__ import annotations

from xml.etree import ElementTree

from ..content.messages import say


def parsed(data: bytes, part: str, error: type[Exception], doctype: bool = False):
    """The root element of `data`, or `error` raised with the reason (`part` names it): an entity
    declaration, or a DTD unless `doctype` allows one, or XML that does not parse."""
    if b"<!ENTITY" in data or not doctype and b"<!DOCTYPE" in data:
        raise error(say("import.why.dtd", part=part))
    try:
        return ElementTree.fromstring(data)
    except ElementTree.ParseError as err:
        raise error(say("import.why.bad_xml", part=part, reason=str(err))) from None
