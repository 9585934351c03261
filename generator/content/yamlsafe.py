"""A strict, position-keeping YAML reader for content files.

Content is data typed by the model, so YAML's own typing is switched off: every scalar
comes back as the text written (only an empty or `~`/`null` plain scalar becomes None),
and the model decides what a field's text means. That removes YAML 1.1 surprises
(`no` → False, `0x10` → 16, `1_000` → 1000, `2020-01-01` → date) at the root.

Refused outright, each with the line and column: anchors and aliases (and so alias
bombs), merge keys, explicit tags (`!` included), non-scalar keys, keys YAML reads as
something other than text (`2023:`, `null:`, `~:`, an empty key, `yes:`, `2020-01-01:`: a
field name is text, and another YAML reader would see a number, null or true there),
duplicate keys, more
than one document, nesting deeper than MAX_DEPTH, more than MAX_NODES values, files
larger than MAX_BYTES, text that is not UTF-8 (UTF-16/32, GBK, encoded surrogates), the
line separators YAML counts as line breaks but editors do not (U+0085, U+2028, U+2029:
they would shift every line number after them), and control characters, whether typed
or written as escapes in a double-quoted scalar (`\\0`, `\\x07`, `\\e`). A UTF-8
byte-order mark is accepted and dropped. So the time and memory a file costs are bounded
by these limits, whatever it holds.

The result is the plain data plus a map from each field path to the (line, column) of
its key, so problems found later by the model still name their line. A key read as
something other than text is the one problem that does not stop the reading: it is left
out of the data with its value and reported with the model's problems (`read_all`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml
from yaml import events

from .messages import Said, say

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

MAX_BYTES = 8 * 1024 * 1024
MAX_DEPTH = 40
#: Values (scalars, lists, mappings; keys included) in one file. The largest real year file
#: has about 3,000; each value costs a few hundred bytes and a validation error or two, so
#: this keeps the worst file that fits in MAX_BYTES to about a second and tens of MB.
MAX_NODES = 50_000
NULLS = frozenset({"", "~", "null", "Null", "NULL"})

# What may stand in a scalar: YAML's printable set (as PyYAML's reader checks the file)
# less NEL, LS and PS. Catches control characters that escapes let through.
_NOT_TEXT = re.compile(r"[^\x09\x0A\x0D\x20-\x7E\xA0-\u2027\u202A-\uD7FF\uE000-\uFFFD\U00010000-\U0010FFFF]")
_LINE_SEPARATORS = re.compile(r"[\x85\u2028\u2029]")
_SURROGATES = re.compile(r"[\uD800-\uDFFF]")
# What PyYAML's and libyaml's readers refuse in a file (yaml.reader.Reader.NON_PRINTABLE).
_UNREADABLE = yaml.reader.Reader.NON_PRINTABLE
_RESOLVER = yaml.resolver.Resolver()
# YAML 1.2 numbers that PyYAML's YAML 1.1 resolver leaves as text: 1e3, 0o17.
_NUMBER_1_2 = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+|0o[0-7]+")
#: What YAML reads a plain key as, by its resolved tag: the message naming it (`key.number`).
_KEY_KINDS = {"null": "key.null", "bool": "key.bool", "int": "key.number", "float": "key.number",
              "timestamp": "key.date"}

#: Where a value stands in a file: its keys and list indexes from the top (`("income", 0,
#: "total")`), as problems and checks name it (problems.field_path writes it `income[0].total`).
FieldPath = tuple[object, ...]
Marks = dict[FieldPath, tuple[int, int]]


@dataclass
class YamlProblem(Exception):
    """A file that cannot be read as content YAML."""

    line: int
    column: int
    message: Said | str
    hint: Said | str = ""
    field: str = ""

    def __str__(self) -> str:
        where = f"{self.line}:{self.column}: " + (f"{self.field}: " if self.field else "")
        return where + str(self.message) + (f" — {self.hint}" if str(self.hint) else "")


def decode(raw: bytes) -> str:
    """Bytes to text: UTF-8 only (a BOM is dropped), with a pointed error otherwise."""
    if len(raw) > MAX_BYTES:
        raise YamlProblem(1, 1, say("yaml.too_big", size=len(raw), limit=MAX_BYTES), say("hint.split_content"))
    if raw.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        raise YamlProblem(1, 1, say("yaml.utf32"), say("hint.save_utf8"))
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise YamlProblem(1, 1, say("yaml.utf16"), say("hint.save_utf8"))
    if b"\x00" in raw[:2]:
        # UTF-16 without a byte-order mark: ASCII with NULs between is valid UTF-8, so say what it is.
        raise YamlProblem(1, 1, say("yaml.utf16_no_bom"), say("hint.save_utf8"))
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw.count(b"\n", 0, err.start) + 1
        column = err.start - (raw.rfind(b"\n", 0, err.start) + 1) + 1
        raise YamlProblem(line, column, say("yaml.bad_byte", byte=raw[err.start]), say("yaml.bad_byte.hint")) from None
    return text


def _pos(mark: Any) -> tuple[int, int]:
    # A yaml.Mark, or libyaml's; the stubs allow an event's to be None, which the parser never leaves it.
    return mark.line + 1, mark.column + 1


_SCALAR = events.ScalarEvent
_ALIAS = events.AliasEvent
_SEQUENCE_START = events.SequenceStartEvent
_SEQUENCE_END = events.SequenceEndEvent
_MAPPING_START = events.MappingStartEvent
_MAPPING_END = events.MappingEndEvent


class _Reader:
    def __init__(self, text: str):
        # The parser's events one by one, as yaml.parse gives them, without its generator around
        # each call: the reader stops at the stream's end, so the end is never read past.
        self.parser = _Loader(text)
        self.next = self.parser.get_event
        self.marks: Marks = {}
        self.nodes = 0
        #: Keys YAML reads as something other than text, left out of the data (see _typed_key).
        self.key_problems: list[YamlProblem] = []

    def count(self, event: events.Event) -> None:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            line, col = _pos(event.start_mark)
            raise YamlProblem(line, col, say("yaml.too_many_values", limit=MAX_NODES), say("yaml.too_many_values.hint"))

    def scalar(self, event: events.ScalarEvent) -> str:
        """The scalar's text, refused if an escape put a control character in it."""
        bad = _NOT_TEXT.search(event.value)
        if bad is not None:
            line, col = _pos(event.start_mark)
            raise YamlProblem(line, col, say("yaml.control_in_text", code=ord(bad.group())),
                              say("yaml.control_in_text.hint"))
        return event.value

    def refuse_node_extras(self, event: events.NodeEvent) -> None:
        line, col = _pos(event.start_mark)
        if isinstance(event, events.AliasEvent):
            raise YamlProblem(line, col, say("yaml.alias", name=event.anchor), say("yaml.anchor.hint"))
        if event.anchor is not None:
            raise YamlProblem(line, col, say("yaml.anchor", name=event.anchor), say("yaml.anchor.hint"))
        # The parser sets a tag only where the file writes one: `!!str`, `!foo`, and the bare `!`.
        tag = getattr(event, "tag", None)
        if tag is not None:
            tag = tag.replace("tag:yaml.org,2002:", "!!")
            raise YamlProblem(line, col, say("yaml.tag", tag=tag), say("yaml.tag.hint"))

    def node(self, event: Any, path: FieldPath, depth: int) -> object:
        # The checks of every value, in this order: anchor, alias or tag; the count; the depth;
        # then for a scalar its text. Each check costs a call only when it fails. (`event` is any
        # node event, told apart by its exact class, quicker than isinstance, which mypy cannot
        # narrow by: so typed Any, as the parser's events are where they are read.)
        cls = type(event)
        if cls is _ALIAS or event.anchor is not None or getattr(event, "tag", None) is not None:
            self.refuse_node_extras(event)
        self.nodes += 1
        if self.nodes > MAX_NODES:
            self.count(event)
        if depth > MAX_DEPTH:
            line, col = _pos(event.start_mark)
            raise YamlProblem(line, col, say("yaml.too_deep", limit=MAX_DEPTH), say("yaml.too_deep.hint"))
        if cls is _SCALAR:
            value = event.value
            if not event.style and value in NULLS:
                return None
            if _NOT_TEXT.search(value) is not None:
                self.scalar(event)
            return value
        next_event = self.next
        marks = self.marks
        depth += 1
        if cls is _SEQUENCE_START:
            items: list[object] = []
            while True:
                child = next_event()
                if type(child) is _SEQUENCE_END:
                    return items
                sub = (*path, len(items))
                mark = child.start_mark
                marks[sub] = (mark.line + 1, mark.column + 1)
                items.append(self.node(child, sub, depth))
        if cls is _MAPPING_START:
            mapping: dict[str, object] = {}
            flow = bool(event.flow_style)
            while True:
                key_event = next_event()
                key_cls = type(key_event)
                if key_cls is _MAPPING_END:
                    return mapping
                mark = key_event.start_mark
                line, col = mark.line + 1, mark.column + 1
                if key_cls is not _SCALAR:
                    self.refuse_node_extras(key_event)
                    raise YamlProblem(line, col, say("yaml.key_not_text"), say("yaml.key_not_text.hint"))
                if key_event.anchor is not None or key_event.tag is not None:
                    self.refuse_node_extras(key_event)
                self.nodes += 1
                if self.nodes > MAX_NODES:
                    self.count(key_event)
                key = key_event.value
                if _NOT_TEXT.search(key) is not None:
                    self.scalar(key_event)
                if key_event.style:
                    typed = None
                else:
                    if key == "<<":
                        raise YamlProblem(line, col, say("yaml.merge_key"), say("yaml.merge_key.hint"))
                    typed = _typed_key(key, line, col, path, flow) if _key_kind(key) is not None else None
                if typed is not None:
                    self.key_problems.append(typed)
                    self.node(next_event(), (*path, key), depth)  # read past its value, checked as any other
                    continue
                sub = (*path, key)
                if key in mapping:
                    first = marks[sub][0]
                    raise YamlProblem(line, col, say("yaml.duplicate_key", key=repr(key), first=first),
                                      say("yaml.duplicate_key.hint"), field=_dotted(sub))
                marks[sub] = (line, col)
                mapping[key] = self.node(next_event(), sub, depth)
        raise YamlProblem(*_pos(event.start_mark), say("yaml.unexpected_event", name=type(event).__name__))


#: What each plain key YAML types reads as (see _typed_key), kept across files: keys are field
#: names, the same few hundred in every file. Bounded, as a hostile file's keys are not.
_KEY_KINDS_SEEN: dict[str, str | None] = {}


def _key_kind(key: str) -> str | None:
    """What YAML reads the plain key as, if not text (null, true or false, a number or a date): the
    message naming it, `key.number`."""
    try:
        return _KEY_KINDS_SEEN[key]
    except KeyError:
        pass
    tag = _RESOLVER.resolve(yaml.ScalarNode, key, (True, False)).rsplit(":", 1)[-1]
    kind = _KEY_KINDS.get(tag) or ("key.number" if _NUMBER_1_2.fullmatch(key) else None)
    if len(_KEY_KINDS_SEEN) >= 4096:
        _KEY_KINDS_SEEN.clear()
    _KEY_KINDS_SEEN[key] = kind
    return kind


def _typed_key(key: str, line: int, col: int, path: FieldPath, flow: bool) -> YamlProblem | None:
    """The problem with a plain key YAML reads as null, true/false, a number or a date, if it is one:
    keys are field names, and taken as text here they would mean something else to other tools."""
    kind = _key_kind(key)
    if kind is None:
        return None
    field = _dotted(path)
    if flow and re.fullmatch(r"[0-9][0-9.]*", key):
        # `{name: 合计, actual: 1,234.5}`: the comma ends `actual: 1`, and `234.5` is left as a key.
        return YamlProblem(line, col, say("yaml.number_key", key=key), say("hint.flow_comma"), field=field)
    if key == "":
        return YamlProblem(line, col, say("yaml.empty_key"), say("hint.write_field_name"), field=field)
    if kind == "key.null":
        return YamlProblem(line, col, say("yaml.null_key", key=key), say("hint.write_field_name"), field=field)
    return YamlProblem(line, col, say("yaml.typed_key", key=_short(key), kind=say(kind)),
                       say("yaml.typed_key.hint", key=_short(key)), field=field)


def _short(text: str) -> str:
    return text if len(text) <= 40 else f"{text[:20]}…{text[-8:]}"


def _dotted(path: FieldPath) -> str:
    from .problems import field_path

    return field_path(path)


def read(text: str) -> tuple[object, Marks]:
    """Parse one YAML document; return its data and the marks of every field path, or raise the
    first problem."""
    data, marks, key_problems = read_all(text)
    if key_problems:
        raise key_problems[0]
    return data, marks


def read_all(text: str) -> tuple[object, Marks, list[YamlProblem]]:
    """Parse one YAML document; return its data, the marks of every field path, and the problems
    with keys that are not text (left out of the data). Any other problem is raised."""
    _check_text(text)
    reader = _Reader(text)
    data: object = None
    try:
        event = reader.next()  # StreamStart
        event = reader.next()
        if isinstance(event, events.StreamEndEvent):
            return None, reader.marks, []
        assert isinstance(event, events.DocumentStartEvent)
        root = reader.next()
        reader.marks[()] = _pos(root.start_mark)  # where the top-level value starts, after `---` and comments
        data = reader.node(root, (), 0)
        reader.next()  # DocumentEnd
        event = reader.next()
        if isinstance(event, events.DocumentStartEvent):
            line, col = _pos(event.start_mark)
            raise YamlProblem(line, col, say("yaml.multiple_documents"), say("yaml.multiple_documents.hint"))
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line, col = _pos(mark) if mark else (1, 1)
        problem = (err.problem or err.context or "invalid YAML").strip()
        if mark is not None and text[mark.index:mark.index + 1] == "\t":
            raise YamlProblem(line, col, say("yaml.tab"), say("yaml.tab.hint")) from None
        raise YamlProblem(line, col, say("yaml.invalid", problem=_yaml_says(problem)), _yaml_hint(problem)) from None
    except yaml.YAMLError as err:  # reader errors (control characters) carry no problem_mark
        line, col = _reader_position(err, text)
        raise YamlProblem(line, col, say("yaml.invalid", problem=_reader_message(err)),
                          say("yaml.control.hint")) from None
    return data, reader.marks, reader.key_problems


def _check_text(text: str) -> None:
    """What decode() cannot see in text handed over as str, and what YAML would misread."""
    if len(text) > MAX_BYTES:  # at least as many bytes as characters
        raise YamlProblem(1, 1, say("yaml.text_too_big", size=len(text), limit=MAX_BYTES), say("hint.split_content"))
    for pattern, message, hint in ((_SURROGATES, "yaml.surrogate", "hint.save_utf8"),
                                   (_LINE_SEPARATORS, "yaml.line_separator", "yaml.line_separator.hint")):
        found = pattern.search(text)
        if found is not None:
            line, col = _offset_position(text, found.start())
            raise YamlProblem(line, col, say(message, code=ord(found.group())), say(hint))


def _offset_position(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


#: PyYAML's usual problems, in the catalogue's words; any other is shown as PyYAML says it.
_YAML_SAYS = {
    "mapping values are not allowed here": "yaml.says.mapping_values",
    "could not find expected ':'": "yaml.says.expected_colon",
    "did not find expected key": "yaml.says.expected_key",
    "did not find expected '-' indicator": "yaml.says.expected_entry",
    "found unexpected end of stream": "yaml.says.end_of_stream",
}


def _yaml_says(problem: str) -> Said | str:
    found = _YAML_SAYS.get(problem)
    return say(found) if found else problem


def _yaml_hint(problem: str) -> Said:
    if "escape" in problem:
        return say("yaml.hint.escape")
    if "tab" in problem:
        return say("yaml.tab.hint")
    if "mapping values are not allowed" in problem:
        return say("yaml.hint.quote_colon")
    if "could not find expected ':'" in problem or "could not find expected" in problem:
        return say("yaml.hint.check_lines")
    return say("yaml.hint.check")


def _reader_position(err: yaml.YAMLError, text: str) -> tuple[int, int]:
    # libyaml gives the offset in bytes of UTF-8, PyYAML in characters: read as characters, a
    # byte offset put the character after any Chinese text lines too far on. The reader stops at
    # the first character it cannot take, so find that instead.
    found = _UNREADABLE.search(text)
    if found is not None:
        return _offset_position(text, found.start())
    position = getattr(err, "position", None)
    if position is None:
        return 1, 1
    if _Loader is not yaml.SafeLoader:
        position = len(text.encode("utf-8", "surrogatepass")[:position].decode("utf-8", "ignore"))
    return _offset_position(text, position)


def _reader_message(err: yaml.YAMLError) -> Said | str:
    character = getattr(err, "character", None)
    if isinstance(character, str):
        return say("yaml.control", code=ord(character))
    if isinstance(character, int):
        return say("yaml.control", code=character)
    return str(err).splitlines()[0]
