"""A strict, position-keeping YAML reader for content files.

Content is data typed by the model, so YAML's own typing is switched off: every scalar
comes back as the text written (only an empty or `~`/`null` plain scalar becomes None),
and the model decides what a field's text means. That removes YAML 1.1 surprises
(`no` → False, `0x10` → 16, `1_000` → 1000, `2020-01-01` → date) at the root.

Refused outright, each with the line and column: anchors and aliases (and so alias
bombs), merge keys, explicit tags, non-scalar keys, duplicate keys, more than one
document, nesting deeper than MAX_DEPTH, files larger than MAX_BYTES, text that is not
UTF-8. A UTF-8 byte-order mark is accepted and dropped.

The result is the plain data plus a map from each field path to the (line, column) of
its key, so problems found later by the model still name their line.
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml
from yaml import events

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

MAX_BYTES = 8 * 1024 * 1024
MAX_DEPTH = 40
NULLS = frozenset({"", "~", "null", "Null", "NULL"})

Path = tuple[object, ...]
Marks = dict[Path, tuple[int, int]]


@dataclass
class YamlProblem(Exception):
    """A file that cannot be read as content YAML."""

    line: int
    column: int
    message: str
    hint: str = ""
    field: str = ""


def decode(raw: bytes) -> str:
    """Bytes to text: UTF-8 only (a BOM is dropped), with a pointed error otherwise."""
    if len(raw) > MAX_BYTES:
        raise YamlProblem(1, 1, f"file is {len(raw):,} bytes, over the limit of {MAX_BYTES:,}",
                          "split the content or remove what is not disclosure data")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise YamlProblem(1, 1, "file is UTF-16, not UTF-8", "save the file as UTF-8")
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw.count(b"\n", 0, err.start) + 1
        column = err.start - (raw.rfind(b"\n", 0, err.start) + 1) + 1
        raise YamlProblem(line, column, f"byte 0x{raw[err.start]:02x} is not valid UTF-8",
                          "save the file as UTF-8 (GBK and other encodings are not accepted)") from None
    return text


def _pos(mark: yaml.Mark) -> tuple[int, int]:
    return mark.line + 1, mark.column + 1


class _Reader:
    def __init__(self, text: str):
        self.events = yaml.parse(text, Loader=_Loader)
        self.marks: Marks = {}

    def next(self) -> events.Event:
        return next(self.events)

    def refuse_node_extras(self, event: events.NodeEvent) -> None:
        line, col = _pos(event.start_mark)
        if isinstance(event, events.AliasEvent):
            raise YamlProblem(line, col, f"alias *{event.anchor} is not allowed",
                              "write the value out in full; anchors and aliases are refused")
        if event.anchor is not None:
            raise YamlProblem(line, col, f"anchor &{event.anchor} is not allowed",
                              "write the value out in full; anchors and aliases are refused")
        tag = getattr(event, "tag", None)
        implicit = getattr(event, "implicit", True)
        written = not (any(implicit) if isinstance(implicit, tuple) else implicit)
        if tag is not None and written:
            tag = tag.replace("tag:yaml.org,2002:", "!!")
            raise YamlProblem(line, col, f"tag {tag} is not allowed", "remove the tag; values are typed by the schema")

    def node(self, event: events.Event, path: Path, depth: int) -> object:
        self.refuse_node_extras(event)
        if depth > MAX_DEPTH:
            line, col = _pos(event.start_mark)
            raise YamlProblem(line, col, f"nesting deeper than {MAX_DEPTH} levels", "flatten the structure")
        if isinstance(event, events.ScalarEvent):
            if not event.style and event.value in NULLS:
                return None
            return event.value
        if isinstance(event, events.SequenceStartEvent):
            items: list[object] = []
            while True:
                child = self.next()
                if isinstance(child, events.SequenceEndEvent):
                    return items
                sub = (*path, len(items))
                self.marks[sub] = _pos(child.start_mark)
                items.append(self.node(child, sub, depth + 1))
        if isinstance(event, events.MappingStartEvent):
            mapping: dict[str, object] = {}
            while True:
                key_event = self.next()
                if isinstance(key_event, events.MappingEndEvent):
                    return mapping
                line, col = _pos(key_event.start_mark)
                if not isinstance(key_event, events.ScalarEvent):
                    self.refuse_node_extras(key_event)
                    raise YamlProblem(line, col, "a key must be plain text", "use a simple `name:` key")
                self.refuse_node_extras(key_event)
                key = key_event.value
                if key == "<<" and not key_event.style:
                    raise YamlProblem(line, col, "merge key << is not allowed", "write the fields out in full")
                if key in mapping:
                    first = self.marks[(*path, key)][0]
                    raise YamlProblem(line, col, f"duplicate key {key!r} (first at line {first})",
                                      "each key may appear once in a mapping", field=_dotted((*path, key)))
                sub = (*path, key)
                self.marks[sub] = (line, col)
                mapping[key] = self.node(self.next(), sub, depth + 1)
        raise YamlProblem(*_pos(event.start_mark), f"unexpected YAML event {type(event).__name__}")


def _dotted(path: Path) -> str:
    from .problems import field_path

    return field_path(path)


def read(text: str) -> tuple[object, Marks]:
    """Parse one YAML document; return its data and the marks of every field path."""
    reader = _Reader(text)
    data: object = None
    try:
        event = reader.next()  # StreamStart
        event = reader.next()
        if isinstance(event, events.StreamEndEvent):
            return None, reader.marks
        assert isinstance(event, events.DocumentStartEvent)
        reader.marks[()] = _pos(event.end_mark)
        data = reader.node(reader.next(), (), 0)
        reader.next()  # DocumentEnd
        event = reader.next()
        if isinstance(event, events.DocumentStartEvent):
            line, col = _pos(event.start_mark)
            raise YamlProblem(line, col, "more than one YAML document in the file",
                              "keep one document per file and remove the `---` separator")
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line, col = _pos(mark) if mark else (1, 1)
        problem = (err.problem or err.context or "invalid YAML").strip()
        if mark is not None and text[mark.index:mark.index + 1] == "\t":
            raise YamlProblem(line, col, "invalid YAML: tab character", "indent with spaces, not tabs") from None
        raise YamlProblem(line, col, f"invalid YAML: {problem}", _yaml_hint(problem)) from None
    except yaml.YAMLError as err:  # reader errors (control characters) carry no problem_mark
        line, col = _reader_position(err, text)
        raise YamlProblem(line, col, f"invalid YAML: {_reader_message(err)}",
                          "remove control characters from the file") from None
    return data, reader.marks


def _yaml_hint(problem: str) -> str:
    if "tab" in problem:
        return "indent with spaces, not tabs"
    if "mapping values are not allowed" in problem:
        return "quote text that contains `: `"
    if "could not find expected ':'" in problem or "could not find expected" in problem:
        return "check indentation and quoting on this line and the one before"
    return "check indentation and quoting"


def _reader_position(err: yaml.YAMLError, text: str) -> tuple[int, int]:
    position = getattr(err, "position", None)
    if position is None:
        return 1, 1
    line = text.count("\n", 0, position) + 1
    column = position - (text.rfind("\n", 0, position) + 1) + 1
    return line, column


def _reader_message(err: yaml.YAMLError) -> str:
    character = getattr(err, "character", None)
    if isinstance(character, str):
        return f"control character U+{ord(character):04X} is not allowed"
    if isinstance(character, int):
        return f"control character U+{character:04X} is not allowed"
    return str(err).splitlines()[0]
