"""Every message the generator gives its users, in Chinese and in English: one catalogue.

A message is an id and named parameters (`say("number.negative", text="'-1'")`), worded when it
is shown, in the language asked for (`--lang`, else the environment's `SITE_LANG`, else Chinese):
a problem found in a worker process or kept in the build's store is the same value whatever
language it is shown in. A parameter may itself be a message (`kind`, `what`), worded in the
same language. Field paths, file names and values the file wrote are parameters, never
translated.

Templates are `str.format` templates: `{name}` a parameter, `{{` a brace.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

#: The languages messages are worded in; the first is the default.
LANGUAGES = ("zh", "en")
#: The environment variable that sets the default language (for CI and tools); `--lang` wins.
ENV_VAR = "SITE_LANG"

_current: str | None = None


def language_of(value: str | None) -> str | None:
    """The language a `--lang` or SITE_LANG value names (`zh`, `zh_CN.UTF-8`, `en`, `en-US`), or None."""
    value = (value or "").strip().lower()
    for lang in LANGUAGES:
        if value == lang or value.startswith((lang + "_", lang + "-", lang + ".")):
            return lang
    return None


def default_language() -> str:
    """SITE_LANG's language when it names one, else Chinese."""
    return language_of(os.environ.get(ENV_VAR)) or LANGUAGES[0]


def language() -> str:
    """The language messages are worded in now."""
    return _current or default_language()


def set_language(lang: str | None) -> None:
    """Word messages in `lang` from now on (None: back to the default)."""
    global _current
    if lang is not None and lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}")
    _current = lang


@dataclass(frozen=True)
class Said:
    """A message not yet worded: its id and its parameters (text, numbers or other messages)."""

    id: str
    params: tuple[tuple[str, Any], ...] = ()

    def text(self, lang: str | None = None) -> str:
        return render(self.id, lang, dict(self.params))

    def __str__(self) -> str:
        return self.text()


def say(message_id: str, **params: Any) -> Said:
    """The message `message_id` with its parameters, worded when shown."""
    if message_id not in CATALOGUE:
        raise KeyError(f"no message {message_id!r} in the catalogue")
    return Said(message_id, tuple(sorted(params.items())))


def t(message_id: str, lang: str | None = None, **params: Any) -> str:
    """The message `message_id` worded now, in `lang` or the current language."""
    return render(message_id, lang, params)


def render(message_id: str, lang: str | None, params: dict[str, Any]) -> str:
    lang = lang or language()
    zh, en = CATALOGUE[message_id]
    template = zh if lang == "zh" else en
    values = {k: (v.text(lang) if isinstance(v, Said) else v) for k, v in params.items()}
    return template.format(**values)


def text_of(value: object, lang: str | None = None) -> str:
    """A message or plain text, worded: messages in `lang`, text as it is."""
    if isinstance(value, Said):
        return value.text(lang)
    return "" if value is None else str(value)


class SaidError(Exception):
    """An error whose one line for the user is a message (or plain text), worded when shown, as a
    problem is: `str()` in the current language, `text(lang)` in another. It keeps the message,
    not its words, so it says the same in whatever language it is printed."""

    def __init__(self, message: Said | str):
        super().__init__(message)

    @property
    def message(self) -> Said | str:
        return self.args[0]

    def text(self, lang: str | None = None) -> str:
        return text_of(self.args[0], lang)

    def __str__(self) -> str:
        return self.text()


#: id: (Chinese, English).
CATALOGUE: dict[str, tuple[str, str]] = {
    # --- what a value turned out to be, and what a number was meant to be ------------------
    "kind.nothing": ("空值", "nothing"),
    "kind.mapping": ("字段映射", "a mapping"),
    "kind.list": ("列表", "a list"),
    "kind.value": ("{value}", "{value}"),
    "key.null": ("空值（null）", "null"),
    "key.bool": ("真假值（true 或 false）", "true or false"),
    "key.number": ("数字", "a number"),
    "key.date": ("日期", "a date"),
    "what.amount": ("金额", "amount"),
    "what.percentage": ("百分数", "percentage"),
    "what.count": ("数量", "count"),
    "what.year": ("年份", "year"),
    "what.score": ("分数", "score"),
    "what.number": ("数字", "number"),

    # --- hints shared by several problems ----------------------------------------------------
    "hint.split_content": ("拆分内容，或删去不属于公开数据的部分",
                           "split the content or remove what is not disclosure data"),
    "hint.save_utf8": ("将文件另存为 UTF-8 编码", "save the file as UTF-8"),
    "hint.check_source": ("请对照原文核对这个数", "check the figure against the source"),
    "hint.flow_comma": ("在 {{ }} 中逗号用来分隔字段：数字不要写千位分隔符，如 1234.5",
                        "inside {{ }} a comma separates fields: write numbers without thousands separators,"
                        " e.g. 1234.5"),
    "hint.write_field_name": ("在冒号前写上字段名", "write the field name before the colon"),
    "hint.check_permissions": ("检查其权限", "check its permissions"),
    "hint.leave_unit_out": ("删去 `unit:`", "leave `unit:` out"),

    # --- yamlsafe: reading the file ------------------------------------------------------------
    "yaml.too_big": ("文件有 {size:,} 字节，超过上限 {limit:,} 字节",
                     "file is {size:,} bytes, over the limit of {limit:,}"),
    "yaml.utf32": ("文件是 UTF-32 编码，不是 UTF-8", "file is UTF-32, not UTF-8"),
    "yaml.utf16": ("文件是 UTF-16 编码，不是 UTF-8", "file is UTF-16, not UTF-8"),
    "yaml.utf16_no_bom": ("文件像是 UTF-16 编码（含 NUL 字节），不是 UTF-8",
                          "file looks like UTF-16 (it has NUL bytes), not UTF-8"),
    "yaml.bad_byte": ("字节 0x{byte:02x} 不是有效的 UTF-8", "byte 0x{byte:02x} is not valid UTF-8"),
    "yaml.bad_byte.hint": ("将文件另存为 UTF-8 编码（不接受 GBK 等其他编码）",
                           "save the file as UTF-8 (GBK and other encodings are not accepted)"),
    "yaml.too_many_values": ("一个文件中的值超过 {limit:,} 个", "more than {limit:,} values in one file"),
    "yaml.too_many_values.hint": ("拆分内容：一个年度文件只写一个部门一年的报告",
                                  "split the content; a year file holds one department's year"),
    "yaml.control_in_text": ("文本中不允许控制字符 U+{code:04X}",
                             "control character U+{code:04X} is not allowed in text"),
    "yaml.control_in_text.hint": ("删去它（包括 \\0、\\x07、\\e、\\N、\\L 等转义写法）",
                                  "remove it (escapes such as \\0, \\x07, \\e, \\N or \\L included)"),
    "yaml.alias": ("不允许使用别名 *{name}", "alias *{name} is not allowed"),
    "yaml.anchor": ("不允许使用锚点 &{name}", "anchor &{name} is not allowed"),
    "yaml.anchor.hint": ("把值完整写出；不接受锚点和别名",
                         "write the value out in full; anchors and aliases are refused"),
    "yaml.tag": ("不允许使用标签 {tag}", "tag {tag} is not allowed"),
    "yaml.tag.hint": ("删去标签；值的类型由内容模型决定", "remove the tag; values are typed by the schema"),
    "yaml.too_deep": ("嵌套超过 {limit} 层", "nesting deeper than {limit} levels"),
    "yaml.too_deep.hint": ("减少嵌套层次", "flatten the structure"),
    "yaml.key_not_text": ("键必须是普通文本", "a key must be plain text"),
    "yaml.key_not_text.hint": ("使用简单的 `名称:` 形式的键", "use a simple `name:` key"),
    "yaml.merge_key": ("不允许使用合并键 <<", "merge key << is not allowed"),
    "yaml.merge_key.hint": ("把字段完整写出", "write the fields out in full"),
    "yaml.duplicate_key": ("键 {key} 重复（第一次出现在第 {first} 行）", "duplicate key {key} (first at line {first})"),
    "yaml.duplicate_key.hint": ("同一映射中每个键只能出现一次", "each key may appear once in a mapping"),
    "yaml.unexpected_event": ("意外的 YAML 事件 {name}", "unexpected YAML event {name}"),
    "yaml.number_key": ("键 {key} 被读作数字，而不是文本", "key {key} is read as a number, not as text"),
    "yaml.empty_key": ("键为空", "empty key"),
    "yaml.null_key": ("键 {key} 被读作空值（null），而不是字段名", "key {key} is read as null, not as a field name"),
    "yaml.typed_key": ("键 {key} 被读作{kind}，而不是文本", "key {key} is read as {kind}, not as text"),
    "yaml.typed_key.hint": ("键是字段名（见 schema/ 中的 JSON Schema）；若确要写作文本，请给键加引号（\"{key}\":）",
                            "keys are field names (see the schema in schema/); put the key in quotes (\"{key}\":)"
                            " if it is meant as text"),
    "yaml.multiple_documents": ("文件中有多个 YAML 文档", "more than one YAML document in the file"),
    "yaml.multiple_documents.hint": ("每个文件只写一个文档，删去 `---` 分隔线",
                                     "keep one document per file and remove the `---` separator"),
    "yaml.tab": ("YAML 格式错误：含制表符", "invalid YAML: tab character"),
    "yaml.tab.hint": ("用空格缩进，不要用制表符", "indent with spaces, not tabs"),
    # PyYAML's own words for what it could not read, as it says them, in the Chinese too when
    # they are not one of the usual ones below.
    "yaml.invalid": ("YAML 格式错误：{problem}", "invalid YAML: {problem}"),
    "yaml.says.mapping_values": ("此处不能再写 `键: 值`", "mapping values are not allowed here"),
    "yaml.says.expected_colon": ("找不到应有的 ':'", "could not find expected ':'"),
    "yaml.says.expected_key": ("找不到应有的键", "did not find expected key"),
    "yaml.says.expected_entry": ("找不到应有的 '-' 列表项", "did not find expected '-' indicator"),
    "yaml.says.end_of_stream": ("文件意外结束（引号或括号没有闭合？）", "found unexpected end of stream"),
    "yaml.hint.escape": ("直接写出该字符；转义必须表示一个真实字符（不能是代理项的一半）",
                         "write the character itself; an escape must name a real character (no surrogate halves)"),
    "yaml.hint.quote_colon": ("含有 `: ` 的文本请加引号", "quote text that contains `: `"),
    "yaml.hint.check_lines": ("检查本行和上一行的缩进与引号",
                              "check indentation and quoting on this line and the one before"),
    "yaml.hint.check": ("检查缩进与引号", "check indentation and quoting"),
    "yaml.control": ("不允许控制字符 U+{code:04X}", "control character U+{code:04X} is not allowed"),
    "yaml.control.hint": ("删去文件中的控制字符", "remove control characters from the file"),
    "yaml.text_too_big": ("文本有 {size:,} 个字符，超过上限 {limit:,} 字节",
                          "text is {size:,} characters, over the limit of {limit:,} bytes"),
    "yaml.surrogate": ("不允许单独的代理项字符 U+{code:04X}", "lone surrogate U+{code:04X} is not allowed"),
    "yaml.line_separator": ("不允许行分隔符 U+{code:04X}", "line separator U+{code:04X} is not allowed"),
    "yaml.line_separator.hint": ("换成普通换行或空格（YAML 与编辑器在它前后计算行号的方式不同）",
                                 "replace it with an ordinary line break or a space (YAML and editors count lines"
                                 " differently around it)"),

    # --- numbers: how a number is written -------------------------------------------------------
    "number.fullwidth": ("{text} 用了全角字符", "{text} uses full-width characters"),
    "number.fullwidth.hint": ("用半角（ASCII）数字书写，如 12.5", "write ASCII digits, e.g. 12.5"),
    "number.fullwidth_percent.hint": ("用半角数字和 %，如 12.5%", "write ASCII digits and %, e.g. 12.5%"),
    "number.not_a_number": ("{text} 不是数字", "{text} is not a number"),
    "number.as_digits.hint": ("{what}请用数字书写", "write the {what} as digits"),
    "number.as_digits_eg.hint": ("{what}请用数字书写，如 {example}", "write the {what} as digits, e.g. {example}"),
    "number.thousands": ("{text} 带有千位分隔符", "{text} has thousands separators"),
    "number.thousands.hint": ("去掉逗号：{plain}", "write it without commas: {plain}"),
    "number.unit": ("{text} 带有单位", "{text} carries a unit"),
    "number.unit.hint": ("只写数字；单位由文件的 `unit:` 或该数自己的 `unit:` 给出",
                         "write the number alone; the unit comes from the file's `unit:` or the figure's own `unit:`"),
    "number.unit_count.hint": ("只写数字", "write the number alone"),
    "number.exponent": ("{text} 用了科学计数法", "{text} is in exponent notation"),
    "number.exponent.hint": ("把数字完整写出", "write the number out in digits"),
    "number.not_plain": ("{text} 不是普通的十进制数", "{text} is not a plain decimal number"),
    "number.not_plain.hint": ("只写十进制数字，如 1000", "write decimal digits only, e.g. 1000"),
    "number.date": ("{text} 是日期，不是数字", "{text} is a date, not a number"),
    "number.spaces": ("{text} 前后有空格", "{text} has surrounding spaces"),
    "number.spaces.hint": ("删去空格", "remove the spaces"),
    "number.plus": ("{text} 带有正号", "{text} has a plus sign"),
    "number.plus.hint": ("去掉正号：{plain}", "write it without the sign: {plain}"),
    "number.no_leading_digit": ("{text} 小数点前没有数字", "{text} has no digit before the point"),
    "number.trailing_point": ("{text} 以小数点结尾", "{text} ends in a point"),
    "number.write_as.hint": ("写作 {plain}", "write it as {plain}"),
    "number.leading_zero": ("{text} 有前导零", "{text} has a leading zero"),
    "number.leading_zero.hint": ("去掉前导零", "write it without leading zeros"),
    "number.integer_digits": ("{text} 小数点前有 {digits} 位数字，超过 {limit} 位",
                              "{text} has {digits} digits before the point, more than {limit}"),
    "number.fraction_digits": ("{text} 有 {digits} 位小数，超过 {limit} 位",
                               "{text} has {digits} decimal places, more than {limit}"),
    "number.expected": ("应为数字，实际是{kind}", "expected a number, got {kind}"),
    "number.expected_whole": ("应为整数，实际是{kind}", "expected a whole number, got {kind}"),
    "number.negative": ("{text} 是负数", "{text} is negative"),
    "number.negative.hint": ("{what}不能小于零", "a {what} cannot be below zero"),
    "number.not_whole": ("{text} 不是整数", "{text} is not a whole number"),
    "number.not_whole.hint": ("{what}须为整数", "a {what} is a whole number"),
    "number.expected_percent": ("应为百分数（如 12.5%），实际是{kind}", "expected a percentage like 12.5%, got {kind}"),
    "number.expected_percent.hint": ("在数字后写 %", "write the number followed by %"),
    "number.no_percent_sign": ("{text} 没有 % 号", "{text} has no % sign"),
    "number.no_percent_sign.hint": ("若是百分数，写作 {plain}%", "write it as {plain}% if it is a percentage"),
    "number.places": ("{number} 有 {places} 位小数，超过{unit}允许的 {limit} 位",
                      "{number} has {places} decimal places, more than {unit} allows ({limit})"),

    # --- figures: a figure as a number, a mapping or a list ------------------------------------
    "figure.empty_list": ("空列表没有给出任何数", "an empty list states no figure"),
    "figure.empty_list.hint": ("写出数字，或删去此字段", "write the number, or leave the field out"),
    "figure.unknown_key": ("数值映射中有未知的键 {key}", "unknown key {key} in a figure"),
    "figure.unknown_key.hint": ("数值映射只能有 value、unit 和 at", "a figure mapping takes value, unit and at"),
    "figure.needs_value": ("数值映射须有 `value:`", "a figure mapping needs `value:`"),
    "figure.needs_value.hint": ("写作 {{value: 12.5, at: 附表1}}", "write {{value: 12.5, at: 附表1}}"),
    "figure.at_not_text": ("`at:` 须为文本", "`at:` must be text"),
    "figure.at_not_text.hint": ("写出在原文中的位置，如 附表1", "name the place in the source, e.g. 附表1"),
    "figure.nested_list": ("数值列表中不能再套列表", "a figure list cannot nest lists"),
    "figure.nested_list.hint": ("每处陈述列一次", "list each statement once"),
    "figure.money_unit": ("未知的金额单位 {unit}", "unknown money unit {unit}"),
    "figure.money_unit.hint": ("使用 元、万元 或 亿元", "use 元, 万元 or 亿元"),
    "figure.negative_amount": ("金额 {value} 是负数", "amount {value} is negative"),
    "figure.negative_amount.hint": ("金额不能小于零；减少额应写在 `change:` 或 `variance:` 中",
                                    "an amount cannot be below zero; a decrease belongs in `change:` or `variance:`"),
    "figure.amount_too_big": ("金额 {value}{unit} 超过 1000万亿元", "amount {value}{unit} is more than 1000万亿元"),
    "figure.amount_too_big.hint": ("请对照原文核对这个数及其单位", "check the figure and its unit against the source"),
    "figure.percent_unit": ("百分数不能带单位 {unit}", "unit {unit} is not allowed on a percentage"),
    "figure.score_unit": ("分数不能带单位 {unit}", "unit {unit} is not allowed on a score"),
    "figure.negative_score": ("分数 {value} 是负数", "score {value} is negative"),
    "figure.negative_score.hint": ("分值或得分不能小于零", "a score or weight cannot be below zero"),
    "figure.not_date": ("{value} 不是日期", "{value} is not a date"),
    "figure.not_date.hint": ("按 YYYY-MM-DD 书写日期，如 2021-09-22", "write the date as YYYY-MM-DD, e.g. 2021-09-22"),
    "figure.not_real_date": ("{value} 不是真实存在的日期", "{value} is not a real date"),
    "figure.not_real_date.hint": ("检查月份和日期", "check the day and month"),
    "figure.not_flag": ("{value} 不是 true 或 false", "{value} is not true or false"),
    "figure.not_flag.hint": ("写 true 或 false", "write true or false"),

    # --- the model's own rules -------------------------------------------------------------------
    "model.placeholder": ("{text} 是导入程序留给审核人的占位内容",
                          "{text} is a placeholder the importer left for a reviewer"),
    "model.placeholder.hint": ("填写报告所述内容（或删去此字段），再运行检查",
                               "write what the report states (or remove the field), then check again"),
    "model.not_web_address": ("{value} 不是网址", "{value} is not a web address"),
    "model.not_web_address.hint": ("以文本写出网址，如 https://www.example.gov.cn/…",
                                   "write the address as text, e.g. https://www.example.gov.cn/…"),
    "model.cells": ("{values} 个值对应 {columns} 列", "{values} values for {columns} columns"),
    "model.cells.hint": ("每列写一个值，空单元格写 ~", "write one value per column, ~ for an empty cell"),
    "model.mailto": ("{value} 不是完整的 mailto: 邮箱地址", "{value} is not a whole mailto: address"),
    "model.mailto.hint": ("写作 mailto:name@example.gov.cn，不要有空格",
                          "write it as mailto:name@example.gov.cn, without spaces"),
    "model.link_scheme": ("{value} 被拒绝：其协议为 {scheme}，此处的链接只能是 http://、https:// 或 mailto:",
                          "{value} is refused: its scheme is {scheme} and a link here may be http://, https:// or"
                          " mailto:"),
    "model.link_scheme.hint": ("填写网页地址（https://…）或邮箱（mailto:…）",
                               "give the address of the page (https://…) or a mailbox (mailto:…)"),
    "model.content_image": ("{value} 不是 content/ 中图片文件的路径",
                            "{value} is not the path of an image in content/"),
    "model.content_image.hint": ("从内容文件夹写起，不要用 .. 或开头的 /，"
                                 "指向 .png、.svg、.gif 或 .jpg 文件，如 assets/dzjg.png",
                                 "give a path from the content folder, without .. or a leading /, to a .png, .svg, .gif"
                                 " or .jpg file, e.g. assets/dzjg.png"),
    "link.scheme": ("{value} 被拒绝：其协议为 {scheme}，只发布 http:// 和 https:// 地址",
                    "{value} is refused: its scheme is {scheme} and only http:// and https:// addresses are published"),
    "link.scheme.hint": ("填写浏览器地址栏显示的网页或附件地址，如 https://www.example.gov.cn/…",
                         "give the address of the page or attachment as the browser shows it,"
                         " e.g. https://www.example.gov.cn/…"),
    "link.relative": ("{value} 不是完整的地址：须以 http:// 或 https:// 开头",
                      "{value} is not a whole address: it must start with http:// or https://"),
    "link.relative.hint": ("从浏览器地址栏复制地址，如 https://www.example.gov.cn/…",
                           "copy the address from the browser's address bar, e.g. https://www.example.gov.cn/…"),
    "link.space": ("{value} 含有空格或控制字符", "{value} holds a space or a control character"),
    "link.space.hint": ("地址中不要有空格（地址中的空格写作 %20）",
                        "write the address without spaces (a space in an address is written %20)"),
    "link.no_host": ("{value} 在协议之后没有主机名", "{value} has no host after the scheme"),
    "link.no_host.hint": ("写作 https://主机/路径，如 https://www.example.gov.cn/…",
                          "write it as https://host/path, e.g. https://www.example.gov.cn/…"),

    # --- pydantic's errors, worded (load.py) -----------------------------------------------------
    "pydantic.missing": ("缺少必填字段", "required field is missing"),
    "pydantic.missing.hint": ("添加 `{name}:`", "add `{name}:`"),
    "pydantic.extra_forbidden": ("未知字段 {name}", "unknown field {name}"),
    "pydantic.literal_error": ("此处不允许 {value}", "{value} is not allowed here"),
    "pydantic.literal_error.hint": ("可选值：{expected_zh}", "use one of: {expected}"),
    "pydantic.string_type": ("应为文本，实际是{kind}", "expected text, got {kind}"),
    "pydantic.string_type.hint": ("把文本写在同一行；含有 `: ` 时加引号",
                                  "write the text on the same line, quoted if it contains `: `"),
    "pydantic.model_type": ("应为字段映射，实际是{kind}", "expected a mapping of fields, got {kind}"),
    "pydantic.model_type.hint": ("把字段缩进写在这个键下面", "indent the fields under this key"),
    "pydantic.list_type": ("应为列表，实际是{kind}", "expected a list, got {kind}"),
    "pydantic.list_type.hint": ("每项单独一行，以 `- ` 开头", "write each entry on its own line starting with `- `"),
    "pydantic.string_too_short": ("不能为空", "must not be empty"),
    "pydantic.string_too_short.hint": ("写出文本，或删去此字段", "write the text, or leave the field out"),
    "pydantic.string_too_long": ("超过 {limit} 个字符", "is longer than {limit} characters"),
    "pydantic.too_short": ("至少需要 {limit} 项", "needs at least {limit} entries"),
    "pydantic.too_short_one": ("至少需要一项", "needs at least one entry"),
    "pydantic.too_short.hint": ("添加一项", "add an entry"),
    "pydantic.too_long": ("超过 {limit} 项", "has more than {limit} entries"),
    "pydantic.string_pattern_mismatch": ("{value} 不符合规定格式", "{value} is not in the required form"),
    "pydantic.pattern.region.hint": ("写六位行政区划代码，加引号，如 \"431221\"",
                                     "write the six-digit administrative division code, quoted, e.g. \"431221\""),
    "pydantic.pattern.code.hint": ("用数字写政府收支分类科目编码，如 \"201\" 或 \"2080501\"",
                                   "write the 政府收支分类 code as digits, e.g. \"201\" or \"2080501\""),
    "pydantic.pattern.slug.hint": ("只用小写英文字母、数字和单个连字符",
                                   "use lowercase ASCII letters, digits and single hyphens"),
    "pydantic.pattern.base_url.hint": ("写以 / 结尾的 http(s) 地址", "write an http(s) address ending in /"),
    "pydantic.pattern.hint": ("须符合正则表达式 {pattern}", "must match {pattern}"),
    "pydantic.int_type": ("{value} 不是整数", "{value} is not a whole number"),
    "pydantic.int_type.hint": ("只写数字，如 2020", "write digits only, e.g. 2020"),
    "pydantic.bool_type": ("{value} 不是 true 或 false", "{value} is not true or false"),
    "pydantic.out_of_range": ("{value} 超出范围", "{value} is out of range"),
    "pydantic.greater_than_equal.hint": ("须大于或等于 {limit}", "input should be greater than or equal to {limit}"),
    "pydantic.less_than_equal.hint": ("须小于或等于 {limit}", "input should be less than or equal to {limit}"),
    "pydantic.greater_than.hint": ("须大于 {limit}", "input should be greater than {limit}"),
    "pydantic.less_than.hint": ("须小于 {limit}", "input should be less than {limit}"),
    # A pydantic error the catalogue has no words for: its own English, marked as such in Chinese.
    "pydantic.other": ("取值无效（{detail}）", "{detail}"),

    # --- load.py: the file and its folder --------------------------------------------------------
    "load.empty_file": ("文件为空", "file is empty"),
    "load.empty_file.hint": ("文件应写的内容见 content/README.md", "see content/README.md for what it must hold"),
    "load.not_mapping": ("文件顶层须为字段映射，实际是{kind}",
                         "file must hold a mapping of fields at the top level, got {kind}"),
    "load.not_mapping.list.hint": ("按 `名称: 值` 逐行书写，行首不要加 `- `",
                                   "write `name: value` lines without `- ` before them"),
    "load.not_mapping.hint": ("以 `名称: 值` 的行开头", "start with `name: value` lines"),
    "load.suggest.see_schema": ("删去它，或查看 schema/ 中的 JSON Schema 了解此处允许的字段",
                                "remove it, or see the schema in schema/ for the fields allowed here"),
    "load.suggest.elsewhere": ("`{name}` 是别处的字段，不属于这里；此处允许的字段见 schema/ 中的 JSON Schema",
                               "`{name}` is a field elsewhere, not here; see the schema in schema/ for the fields"
                               " allowed here"),
    "load.suggest.did_you_mean": ("是否应为 `{name}`？", "did you mean `{name}`?"),
    "load.blank_comment": ("值为空（`{after}` 是注释）", "empty value (`{after}` is a comment)"),
    "load.blank_comment.required.hint": ("把数字写在 `#` 之前", "write the number before any `#`"),
    "load.blank_comment.hint": ("把数字写在 `#` 之前；若报告此处空白，则删去此字段",
                                "write the number before any `#`, or leave the field out where the report leaves"
                                " it blank"),
    "load.blank_null": ("值为空（`{written}` 在 YAML 中表示空值）", "empty value (`{written}` means nothing in YAML)"),
    "load.blank": ("值为空", "empty value"),
    "load.blank.required.hint": ("写出数字；此字段不能省略", "write the number; this field cannot be left out"),
    "load.blank.hint": ("空白单元格不是数：删去此字段；若报告写明为 0，则写 0",
                        "a blank cell is not a figure: leave the field out, or write 0 if the report states 0"),
    "load.more_problems": ("本文件另有 {count:,} 个问题未列出", "{count:,} more problems in this file are not shown"),
    "load.more_problems.hint": ("先改正前 {limit} 个，再运行检查", "fix the first {limit} and check again"),
    "load.cannot_read": ("无法读取文件：{reason}", "cannot read the file: {reason}"),
    "load.cannot_read.link.hint": ("换成普通文件（是否为失效的符号链接？）",
                                   "replace it with an ordinary file (is it a broken symbolic link?)"),
    "load.link_outside": ("符号链接指向 content/ 之外", "symbolic link points outside content/"),
    "load.link_outside.hint": ("把文件复制到 content/ 中，不要用链接",
                               "copy the file into content/ instead of linking to it"),
    "load.link_outside.folder.hint": ("把部门文件夹复制到 content/ 中，不要用链接",
                                      "copy the department's folder into content/ instead of linking to it"),
    "load.link_outside.departments.hint": ("把 departments 文件夹移到 content/ 中，不要用链接",
                                           "move the departments folder into content/ instead of linking to it"),
    "load.not_regular": ("不是普通文件", "not a regular file"),
    "load.not_regular.hint": ("内容文件须为普通文件；删除或重命名它",
                              "content files are ordinary files; remove or rename this one"),
    "load.over_limit": ("文件超过上限 {limit:,} 字节", "file is over the limit of {limit:,} bytes"),
    "load.cannot_list": ("无法读取文件夹：{reason}", "cannot read the folder: {reason}"),
    "load.missing_file": ("缺少此文件", "file is missing"),
    "load.missing_file.hint": ("新建此文件；见 content/README.md", "create it; see content/README.md"),
    "load.no_content": ("找不到内容文件夹", "content folder not found"),
    "load.no_content.hint": ("在项目文件夹中运行，或用 --content 指定",
                             "run from the project folder or pass --content"),
    "load.no_departments": ("找不到 departments 文件夹", "departments folder not found"),
    "load.no_departments.hint": ("新建 content/departments/<slug>/", "create content/departments/<slug>/"),
    "load.duplicate_region": ("地区代码 {code} 出现了两次", "region code {code} appears twice"),
    "load.duplicate_region.hint": ("每个地区只列一次", "each region is listed once"),
    "load.not_department_folder": ("不是部门文件夹", "not a department folder"),
    "load.not_department_folder.hint": ("content/departments/ 下每个部门一个文件夹",
                                        "content/departments/ holds one folder per department"),
    "load.bad_slug": ("文件夹名 {name} 不是有效的 slug", "folder name {name} is not a valid slug"),
    "load.bad_slug.hint": ("只用小写英文字母、数字和单个连字符，如 zhongfang-zwfwzx",
                           "use lowercase ASCII letters, digits and single hyphens, e.g. zhongfang-zwfwzx"),
    "load.region_unknown": ("地区 {code} 不在 regions.yaml 中", "region {code} is not in regions.yaml"),
    "load.region_unknown.hint": ("把它加入 content/regions.yaml，或改正代码",
                                 "add it to content/regions.yaml or correct the code"),
    "load.region_not_county": ("地区 {code} 不是县或区", "region {code} is not a county or district"),
    "load.region_not_county.hint": ("填写部门所属的县级地区", "name the county-level region the department belongs to"),
    "load.unexpected_file": ("多余的文件 {name}", "unexpected file {name}"),
    "load.unexpected_file.hint": ("部门文件夹只放 department.yaml、<年份>.yaml 和 <年份>.source.txt",
                                  "a department folder holds department.yaml, <year>.yaml and <year>.source.txt"),
    "load.orphan_source": ("{year} 年的原文旁边没有 {year}.yaml",
                           "original text for {year} has no {year}.yaml beside it"),
    "load.orphan_source.hint": ("添加 {year}.yaml，或删去该原文", "add {year}.yaml or remove the text"),
    "load.mark_missing": ("找不到文件：{path}", "file not found: {path}"),
    "load.mark_missing.hint": ("把编制部门发放的标识图片放进 content/，并写出从那里起的路径",
                               "put the image the 编制部门 issued in content/ and give its path from there"),
    "load.year_mismatch": ("年份 {year} 与文件名 {name} 不符", "year {year} does not match the file name {name}"),
    "load.year_mismatch.hint": ("把文件改名为 {year}.yaml，或改正 `year:`",
                                "rename the file to {year}.yaml or correct `year:`"),

    # --- build.py check, build, schema, demo ------------------------------------------------------
    "cli.problems.check": ("内容中有 {count} 个问题，未构建任何内容。",
                           "{count} problem(s) in content; nothing was built."),
    "cli.problems.build": ("内容中有 {count} 个问题，未构建任何内容，原站点未改动。",
                           "{count} problem(s) in content; nothing was built, the previous site is unchanged."),
    "cli.content_ok": ("内容有效：{departments} 个部门，{reports} 份报告",
                       "content ok: {departments} departments, {reports} reports"),
    "cli.checks_summary": ("数据核验：{checks} 项核对，{found} 项不一致"
                           "（错误 {errors}，警告 {warnings}，提示 {infos}），{unchecked} 项无法核对",
                           "数据核验 (data checks): {checks} checks, {found} inconsistent (errors {errors},"
                           " warnings {warnings}, notes {infos}), {unchecked} could not be checked"),
    "cli.report_heading": ("{name} {year}年度（{path}）", "{name}, {year} ({path})"),
    "cli.explained": ("单位说明{by}：{text}", "单位说明 (the department's explanation){by}: {text}"),
    "cli.explained_by": ("（{by}）", " ({by})"),
    "cli.explained_count": ("其中 {count} 项已有单位说明",
                            "{count} of them have the department's explanation (单位说明)"),
    "cli.strict_failed": ("--strict：{count} 项错误或警告没有说明，未通过发布前核验",
                          "--strict: {count} error(s) or warning(s) have no explanation; the check before publishing"
                          " fails"),
    "cli.more_terms": ("；另 {count} 项", "; {count} more"),
    "cli.term": ("{label} {stated}（第{line}行）", "{label} {stated} (line {line})"),
    "cli.terms_joiner": ("；", "; "),
    "cli.nothing_built": ("未构建，没有改动任何文件", "nothing was built; no file was changed"),
    "cli.build_failed": ("构建失败：{kind}：{error}", "build failed: {kind}: {error}"),
    "cli.build_failed.hint": ("原站点未改动；加 --debug 查看详情",
                              "the previous site is unchanged; run with --debug for the details"),
    "cli.built": ("已构建 {pages} 个页面、{files} 个文件，共 {megabytes:.1f} MB，输出到 {out}（{stages}）；"
                  "{changed} 个文件为新增或改动",
                  "built {pages} pages, {files} files, {megabytes:.1f} MB into {out} ({stages}); {changed} files new"
                  " or changed"),
    "cli.built.reused": ("；{departments} 个部门中 {reused} 个未改动，沿用其页面",
                         "; {reused} of {departments} departments unchanged, their pages kept"),
    "cli.stage": ("{name} {seconds:.2f} 秒", "{name} {seconds:.2f}s"),
    "cli.stages_joiner": ("，", ", "),
    "cli.schema_unwritable": ("无法写入 {path}：{reason}", "cannot write {path}: {reason}"),
    "cli.demo_failed": ("示例内容生成失败：{detail}", "the demo content could not be made: {detail}"),
    "cli.port_not_integer": ("端口须为整数，不是 {text}", "the port must be a whole number, not {text}"),
    "cli.port_out_of_range": ("端口 {port} 超出范围：须在 0 到 65535 之间（0 表示任选一个空闲端口）",
                              "port {port} is out of range: it must be from 0 to 65535 (0 picks a free port)"),
    "cli.bad_site_lang": ("环境变量 {name}={value} 不是可用的语言：须为 zh 或 en",
                          "the environment variable {name}={value} is not a language this program speaks: use zh or"
                          " en"),

    # --- build.py import ---------------------------------------------------------------------------
    "import.failed": ("导入失败（内部错误 {kind}：{first}）；加 --debug 查看详情",
                      "import failed (internal error {kind}: {first}); run with --debug for the details"),
    "import.wrote": ("已写入 {path}", "wrote {path}"),
    "import.revisions": ("注意：{path} 含未接受的修订；草稿按接受全部修订后的文字导入（删除的文字未导入），"
                         "请与定稿核对",
                         "note: {path} holds tracked revisions not yet accepted; the draft is of the text with "
                         "every revision accepted (deleted text left out): check it against the final document"),
    "import.placed": ("已放置 {placed} 个数，{loose} 个数留在 `unplaced:` 下待审核",
                      "{placed} figures placed, {loose} numbers left under `unplaced:` for review"),
    "import.review_inside": ("--review {path}：审阅页不能写在 --content 之内（内容文件夹只放内容文件）",
                             "--review {path}: the review page cannot be written inside --content (the content folder"
                             " holds content files only)"),
    "import.review_unwritable": ("无法写入审阅页 {path}：{reason}", "cannot write the review page {path}: {reason}"),
    "import.review_wrote": ("已写入 {path}（审阅页：草稿中有 {count} 项数据核验发现）",
                            "wrote {path} (review: {count} 数据核验 findings in the draft)"),
    "import.note.unplaced": ("{path}：`unplaced:` 是导入程序列出的未能放置的数；"
                             "把该放进文件的移进去，再删去整个 `unplaced:` 键。",
                             "{path}: `unplaced:` is the importer's list of numbers it could not place; move what"
                             " belongs into the file, then delete the whole `unplaced:` key."),
    "import.note.region": ("{path}：地区 {code} 是导入程序的占位代码；"
                           "请从 content/regions.yaml 中填写所在县（区）的代码。",
                           "{path}: region {code} is the importer's placeholder; write the county's code from"
                           " content/regions.yaml."),

    # --- build.py import: why the importer will not draft (ImportRefused, one line, nothing written) ---------
    "import.exists": ("{path} 已存在；要覆盖请加 --force", "{path} already exists; add --force to overwrite it"),
    "import.exists_both": ("{first}、{second} 已存在；要覆盖请加 --force",
                           "{first} and {second} already exist; add --force to overwrite them"),
    "import.cannot_write": ("无法写入 {path}：{reason}", "cannot write {path}: {reason}"),
    "import.bad_department": ("--department {slug} 不是有效的部门标识：只能用小写英文字母、数字和单个连字符"
                              "（不以连字符开头或结尾），最长 {limit} 个字符，例如 zhongfang-zwfwzx",
                              "--department {slug} is not a valid department slug: use lowercase ASCII letters, digits"
                              " and single hyphens (not at the start or the end), at most {limit} characters, e.g."
                              " zhongfang-zwfwzx"),
    "import.bad_year": ("--year {year} 超出范围：年度须在 {first} 到 {last} 之间",
                        "--year {year} is out of range: the year must be from {first} to {last}"),
    "import.content_not_folder": ("--content {path} 不是文件夹", "--content {path} is not a folder"),
    "import.link_outside": ("拒绝写入 {path}：它经符号链接指向 --content 之外的 {resolved}",
                            "refusing to write {path}: a symbolic link takes it outside --content, to {resolved}"),
    "import.not_regular_target": ("{path} 不是普通文件，无法写入",
                                  "{path} is not a regular file and cannot be written"),
    "import.cannot_place": ("无法确定 {path} 的位置：{reason}", "cannot tell where {path} is: {reason}"),
    "import.not_folder": ("{path} 不是文件夹", "{path} is not a folder"),
    "import.old_format": ("{name} 是旧版 {suffix} 文件：请在 Word 或 Excel 中另存为 {target} 再导入",
                          "{name} is an old {suffix} file: save it as {target} in Word or Excel, then import that"),
    "import.unsupported": ("只能导入 .txt（及 .csv、.md）、.docx、.doc、.rtf、.xlsx、.xls、.odt、.ods、.pdf、.ofd、"
                           "网页（.html、.mht）报告及其压缩包（.zip），{name} 是 {suffix} 文件：请先另存为其中一种",
                           "only .txt (and .csv, .md), .docx, .doc, .rtf, .xlsx, .xls, .odt, .ods, .pdf, .ofd and web"
                           " page (.html, .mht) reports, and .zip archives of them, can be imported, "
                           "and {name} is a {suffix} file: save it as one of them first"),
    "import.mht_no_page": ("{name} 是单个文件网页（.mht），但其中没有网页部分，无法导入",
                           "{name} is a single-file web page (.mht) with no page in it: nothing to import"),
    "import.missing": ("报告文件 {name} 不存在", "the report file {name} does not exist"),
    "import.cannot_read": ("无法读取报告 {name}：{reason}", "cannot read the report {name}: {reason}"),
    "import.is_folder": ("报告 {name} 是文件夹，不是文件：请给出报告的 .txt、.docx、.doc、.xlsx、.xls、.pdf 等文件",
                         "the report {name} is a folder, not a file: give the report's .txt, .docx, .doc, .xlsx, .xls,"
                         " .pdf or other file"),
    "import.not_regular": ("报告 {name} 不是普通文件（管道、设备等不能导入）",
                           "the report {name} is not a regular file (pipes, devices and the like cannot be imported)"),
    "import.empty": ("报告 {name} 是空文件", "the report {name} is an empty file"),
    "import.too_big": ("报告 {name} 有 {size:,} 字节，超过原文上限 {limit:,} 字节",
                       "the report {name} is {size:,} bytes, over the limit of {limit:,} bytes for the original text"),
    "import.no_text": ("报告 {name} 没有文字", "the report {name} has no text"),
    "import.text_too_big": ("报告 {name} 的文字有 {size:,} 字节（UTF-8），超过原文上限 {limit:,} 字节",
                            "the text of the report {name} is {size:,} bytes (UTF-8), over the limit of {limit:,}"
                            " bytes for the original text"),
    "import.broken_utf16": ("报告 {name} 以 UTF-16 标记开头，却不是完整的 UTF-16 文本：请另存为 UTF-8",
                            "the report {name} starts with a UTF-16 mark but is not whole UTF-16 text: save it as"
                            " UTF-8"),
    "import.nul_bytes": ("报告 {name} 不是文本文件（含 NUL 字节）：Word 文档请以 .docx 导入，其他格式请先另存为 .docx",
                         "the report {name} is not a text file (it holds NUL bytes): import a Word document as .docx,"
                         " and save other formats as .docx first"),
    "import.unknown_encoding": ("报告 {name} 的编码无法识别（既不是 UTF-8，也不是 GBK/GB18030）：请另存为 UTF-8 文本",
                                "the encoding of the report {name} is not recognised (neither UTF-8 nor GBK/GB18030):"
                                " save it as UTF-8 text"),
    "import.nul_chars": ("报告 {name} 不是文本文件（含 NUL 字符）",
                         "the report {name} is not a text file (it holds NUL characters)"),
    "import.bad_doc": ("报告 {name} 不是有效的 Word 97–2003（.doc）文档：{reason}",
                       "the report {name} is not a valid Word 97–2003 (.doc) document: {reason}"),
    "import.doc_encrypted": ("报告 {name} 是加密（设有打开密码）的 Word 文档：请在 Word 或 WPS 中取消密码后再导入",
                             "the report {name} is an encrypted Word document (it has a password to open): remove"
                             " the password in Word or WPS, then import it"),
    "import.doc_word95": ("报告 {name} 是 Word 6.0/95 或更早版本的文档：请在 Word 或 WPS 中另存为 .docx 再导入",
                          "the report {name} is a Word 6.0/95 or older document: save it as .docx in Word or WPS,"
                          " then import that"),
    "import.bad_docx": ("报告 {name} 不是有效的 Word（.docx）文档：{reason}",
                        "the report {name} is not a valid Word (.docx) document: {reason}"),
    "import.bad_xlsx": ("报告 {name} 不是有效的 Excel（.xlsx）工作簿：{reason}",
                        "the report {name} is not a valid Excel (.xlsx) workbook: {reason}"),
    "import.bad_html": ("报告 {name} 不是能读的网页（HTML）：{reason}",
                        "the report {name} is not a readable web page (HTML): {reason}"),
    "import.bad_xls": ("报告 {name} 不是有效的 Excel（.xls）工作簿：{reason}",
                       "the report {name} is not a valid Excel (.xls) workbook: {reason}"),
    "import.too_many_cells": ("报告 {name} 的单元格超过 {limit:,} 个，不像一份部门报告",
                              "the report {name} has more than {limit:,} cells, too many for a department's report"),
    "import.xls_not_xls": ("报告 {name} 名为 .xls，但不是 Excel 97–2003 工作簿（实为{what}或其他格式）："
                           "请在 Excel 中打开后另存为 .xlsx 再导入",
                           "the report {name} is named .xls but is not an Excel 97–2003 workbook (it is {what} or"
                           " another format): open it in Excel, save it as .xlsx, then import that"),
    "import.xls_too_big": ("报告 {name} 有 {size:,} 字节，超过 .xls 上限 {limit:,} 字节",
                           "the report {name} is {size:,} bytes, over the .xls limit of {limit:,} bytes"),
    "import.not_zip": ("报告 {name} 不是有效的 {what}（不是 zip 压缩包）：{hint}",
                       "the report {name} is not a valid {what} (it is not a zip package): {hint}"),
    "import.unpacks_too_big": ("报告 {name} 解压后有 {size:,} 字节，超过上限 {limit:,} 字节",
                               "the report {name} unpacks to {size:,} bytes, over the limit of {limit:,} bytes"),
    "import.pdf_no_header": ("报告 {name} 不是有效的 PDF 文件（缺少 %PDF 文件头）",
                             "the report {name} is not a valid PDF file (it has no %PDF header)"),
    "import.pdf_too_long": ("报告 {name} 有 {pages} 页，超过上限 {limit} 页",
                            "the report {name} has {pages} pages, over the limit of {limit}"),
    "import.bad_pdf": ("报告 {name} 不是有效的 PDF 文件：{reason}",
                       "the report {name} is not a valid PDF file: {reason}"),
    # why a package or file of the formats below cannot be read (the `reason` of import.bad_*)
    "import.why.missing_part": ("缺少 {part}", "{part} is missing"),
    "import.why.bad_xml": ("{part} 不是有效的 XML：{reason}", "{part} is not valid XML: {reason}"),
    "import.why.dtd": ("{part} 含有 DTD 或实体声明", "{part} declares a DTD or entities"),
    "import.why.no_doc_root": ("OFD.xml 没有 DocRoot", "OFD.xml names no DocRoot"),
    "import.why.too_many_pages": ("有 {pages} 页，超过上限 {limit} 页",
                                  "it has {pages} pages, over the limit of {limit}"),
    "import.why.no_body": ("content.xml 没有 office:body", "content.xml has no office:body"),
    "import.why.not_text_or_sheet": ("不是文字文档或电子表格", "it is neither a text document nor a spreadsheet"),
    "import.why.not_cfb": ("不是 OLE2 复合文档", "it is not an OLE2 compound file"),
    "import.why.cfb_damaged": ("复合文档已损坏（{what}）", "the compound file is damaged ({what})"),
    "import.why.no_word_stream": ("其中没有 Word 文档（WordDocument 流）",
                                  "it holds no Word document (no WordDocument stream)"),
    "import.why.doc_damaged": ("Word 文档结构已损坏（{what}）", "the Word document's structure is damaged ({what})"),
    "import.why.no_rtf_header": ("缺少 RTF 文件头（\\rtf）", "it has no RTF header (\\rtf)"),
    "import.why.too_deep": ("括号嵌套过深", "its groups are nested too deep"),
    "import.why.bad_index": ("ss:Index 不正确：{value}", "ss:Index is not valid: {value}"),
    "import.why.too_many_rows": ("行数超过 {limit}", "it has more than {limit} rows"),
    "import.why.too_many_columns": ("列数超过 {limit}", "it has more than {limit} columns"),
    "import.bad_rtf": ("报告 {name} 不是有效的 RTF 文档：{reason}",
                       "the report {name} is not a valid RTF document: {reason}"),
    "import.bad_odf": ("报告 {name} 不是有效的 OpenDocument（.odt、.ods）文档：{reason}",
                       "the report {name} is not a valid OpenDocument (.odt, .ods) document: {reason}"),
    "import.bad_ofd": ("报告 {name} 不是有效的 OFD 版式文档：{reason}",
                       "the report {name} is not a valid OFD fixed-layout document: {reason}"),
    "import.ofd_no_text": ("报告 {name} 没有可提取的文字（可能是扫描件）：请提供文字版 OFD、PDF、Word 或 Excel 文件",
                           "the report {name} has no text to extract (it may be a scan): give an OFD or PDF with"
                           " text, or a Word or Excel file"),
    "import.pdf_no_text": ("报告 {name} 没有可提取的文字（可能是扫描件）：请提供文字版 PDF、Word 或 Excel 文件",
                           "the report {name} has no text to extract (it may be a scan): give a PDF with text, or a"
                           " Word or Excel file"),
    # What a file named .xls, .docx or .xlsx turned out not to be, and how to save it as one.
    "import.kind.html": ("网页（HTML）", "a web page (HTML)"),
    "import.kind.workbook": ("Excel 工作簿", "an Excel workbook"),
    "import.kind.docx": ("Word（.docx）文档", "Word (.docx) document"),
    "import.kind.xlsx": ("Excel（.xlsx）工作簿", "Excel (.xlsx) workbook"),
    "import.kind.zip": ("压缩包（.zip）", "zip archive"),
    "import.kind.zip.hint": ("请重新打包或分别导入其中的文件", "pack it again, or import the files in it one by one"),
    "import.zip_nothing": ("压缩包 {name} 中没有能导入的报告文件（.docx、.xlsx、.xls、.pdf 等）",
                           "the archive {name} holds no report file that can be imported (.docx, .xlsx, .xls, .pdf …)"),
    "import.kind.odf": ("OpenDocument（.odt、.ods）文档", "OpenDocument (.odt, .ods) document"),
    "import.kind.odf.hint": ("请在 WPS 或 LibreOffice 中打开，另存为 .docx 或 .xlsx 再导入",
                             "open it in WPS or LibreOffice and save it as .docx or .xlsx, then import that"),
    "import.kind.ofd": ("OFD 版式文档", "OFD fixed-layout document"),
    "import.kind.ofd.hint": ("请在 OFD 阅读器中打开，确认文件完整后重新导出",
                             "open it in an OFD reader, check it is whole and export it again"),
    "import.kind.docx.hint": (".doc 等旧格式请在 Word 中另存为 .docx",
                              "save a .doc or other old format as .docx in Word"),
    "import.kind.xlsx.hint": (".xls 等旧格式请在 Excel 中另存为 .xlsx",
                              "save a .xls or other old format as .xlsx in Excel"),

    # --- where a build may write (TargetError: --out, --cache), and --executor (ExecutorError) ------------
    # `what` is one of target.what.*; `flag` is "" or target.or_no_cache.
    "target.what.out": ("输出文件夹 --out", "the output folder --out"),
    "target.what.trees": ("输出文件夹 --out 旁的站点存放处", "the site store beside the output folder --out"),
    "target.what.cache": ("缓存文件夹 --cache", "the cache folder --cache"),
    "target.or_no_cache": ("（或改用 --no-cache）", " (or use --no-cache)"),
    "target.system": ("{what} {path} 是系统文件夹，拒绝写入——请指定一个专用的新文件夹",
                      "{what} {path} is a system folder; refusing to write there: name a new folder, used for"
                      " nothing else"),
    "target.contains_system": ("{what} {path} 包含系统文件夹，拒绝写入——请指定一个专用的新文件夹",
                               "{what} {path} contains a system folder; refusing to write there: name a new folder,"
                               " used for nothing else"),
    "target.home": ("{what} {path} 是用户主目录，拒绝写入——请指定其下一个专用的新文件夹",
                    "{what} {path} is a home folder; refusing to write there: name a new folder inside it, used for"
                    " nothing else"),
    "target.project": ("{what} {path} 是本项目文件夹或包含它，拒绝写入——默认输出为 {default}",
                       "{what} {path} is or contains this project's folder; refusing to write there (the default"
                       " output is {default})"),
    "target.code": ("{what} {path} 位于本项目的 {name}/ 文件夹内，拒绝写入",
                    "{what} {path} lies inside this project's {name}/ folder; refusing to write there"),
    "target.holds_content": ("{what} {path} 是内容文件夹或包含它（{content}），构建会删除其中的内容，拒绝写入",
                             "{what} {path} is or contains the content folder ({content}), and a build would delete"
                             " what it holds; refusing to write there"),
    "target.in_content": ("{what} {path} 位于内容文件夹 {content} 内，拒绝写入——输出须放在内容文件夹之外",
                          "{what} {path} lies inside the content folder {content}; refusing to write there: the"
                          " output must be outside the content folder"),
    "target.unreadable": ("{what} {path} 无法读取（{reason}），拒绝写入",
                          "{what} {path} cannot be read ({reason}); refusing to write there"),
    "target.link": ("{what} {path} 是符号链接，拒绝写入——请直接指定实际文件夹",
                    "{what} {path} is a symbolic link; refusing to write there: name the real folder itself"),
    "target.file": ("{what} {path} 是已有的文件而不是文件夹，构建会删除它，拒绝写入",
                    "{what} {path} is an existing file, not a folder, and a build would delete it; refusing to write"
                    " there"),
    "target.foreign": ("{what} {path} 已存在且不是本程序生成的（缺少标记文件 {marker}），构建会删除其中的文件，"
                       "拒绝写入——请指定一个新的或空的文件夹；若确是本程序旧版本生成的，删除后重新构建 {flag}",
                       "{what} {path} exists and was not made by this program (it has no marker file {marker}), and"
                       " a build would delete the files in it; refusing to write there: name a new or empty folder,"
                       " or, if an older version of this program made it, delete it and build again{flag}"),
    "target.overlap": ("{what} {path} 与输出文件夹 {out} 重叠，拒绝使用——两者须是互不包含的文件夹",
                       "{what} {path} overlaps the output folder {out}; refusing to use it: neither may contain the"
                       " other"),
    "target.unsafe": ("{what} {path} 可被其他用户写入或不属于当前用户（权限 {mode:04o}）：缓存读取时会执行其中的代码，"
                      "拒绝使用——请执行 chmod go-w {path}，或改用 --no-cache",
                      "{what} {path} is writable by other users or not owned by the current user (mode {mode:04o}),"
                      " and reading the cache runs code from it; refusing to use it: run chmod go-w {path}, or use"
                      " --no-cache"),
    "executor.unknown": ("--executor 须为 local 或 dask://主机:端口（如 dask://10.0.0.5:8786），不是 {text}",
                         "--executor must be local or dask://HOST:PORT (e.g. dask://10.0.0.5:8786), not {text}"),
    "executor.bad_address": ("Dask 调度器地址须为 dask://主机:端口（如 dask://10.0.0.5:8786），不是 {address}",
                             "a Dask scheduler's address must be dask://HOST:PORT (e.g. dask://10.0.0.5:8786), not"
                             " {address}"),
    "executor.unreachable": ("无法连接 Dask 调度器 {address}：{reason}；未构建，原站点未改动",
                             "cannot reach the Dask scheduler {address}: {reason}; nothing was built, the previous"
                             " site is unchanged"),
    "executor.no_workers": ("Dask 调度器 {address} 在 {seconds:g} 秒内没有可用的工作进程；未构建，原站点未改动",
                            "the Dask scheduler {address} had no worker within {seconds:g}s; nothing was built, the"
                            " previous site is unchanged"),
    "executor.other_code": ("Dask 调度器 {address} 的工作进程与本机的生成器代码或库版本不同；未构建，原站点未改动",
                            "the workers of the Dask scheduler {address} run other generator code or library versions"
                            " than this machine; nothing was built, the previous site is unchanged"),

    # --- build.py serve -------------------------------------------------------------------------------
    "serve.problems": ("内容中有 {count} 个问题；仍在提供上一次构建的站点",
                       "{count} problem(s); still serving the previous build"),
    "serve.failed": ("构建失败：{error}；仍在提供上一次构建的站点",
                     "build failed: {error}; still serving the previous build"),
    "serve.rebuilt": ("已重新构建 {pages} 个页面，用时 {seconds:.2f} 秒", "rebuilt {pages} pages in {seconds:.2f}s"),
    "serve.request_failed": ("请求处理失败：{kind}：{error}", "request failed: {kind}: {error}"),
    "serve.cannot_listen": ("无法在 {host}:{port} 上提供服务：{reason}", "cannot serve on {host}:{port}: {reason}"),
    "serve.port_range": ("端口 {port} 超出范围：须在 0 到 65535 之间",
                         "port {port} is out of range: it must be from 0 to 65535"),
    "serve.port_in_use": ("端口 {port} 已被占用：换一个端口（--port），或先停止占用它的程序",
                          "port {port} is in use: pick another (--port) or stop the program that holds it"),
    "serve.port_denied": ("没有权限使用端口 {port}：1024 以下的端口需要管理员权限，换一个端口（--port）",
                          "no permission to use port {port}: ports below 1024 need administrator rights; pick another"
                          " (--port)"),
    "serve.bad_host": ("--host {host} 不是本机可用的地址：{reason}",
                       "--host {host} is not an address of this machine: {reason}"),
    "serve.no_site": ("没有可提供的站点：改正上面的问题后再运行",
                      "no site to serve: fix the problems above and run again"),
    "serve.serving": ("正在 http://{host}:{port}/ 提供 {out}，"
                      "content/ 和 templates/ 有改动时自动重新构建（Ctrl-C 停止）",
                      "serving {out} at http://{host}:{port}/ — rebuilding on changes in content/ and templates/"
                      " (Ctrl-C stops)"),
    # The banner the browser shows over the page while the last rebuild failed.
    "serve.banner.problems": ("重新构建失败：内容中有 {count} 个问题，页面仍是上一次成功构建的结果。"
                              "改正后保存，页面会自动刷新。",
                              "The rebuild failed: {count} problem(s) in content; the page is still the last good"
                              " build. Save a fix and the page reloads itself."),
    "serve.banner.failed": ("重新构建失败，页面仍是上一次成功构建的结果。改正后保存，页面会自动刷新。",
                            "The rebuild failed; the page is still the last good build. Save a fix and the page"
                            " reloads itself."),
    "serve.banner.close": ("关闭", "Close"),

    # --- argparse: the help of build.py's commands and options -----------------------------------------
    "help.description": ("政务公开预算绩效报告站点生成器",
                         "static site generator for public budget and performance disclosures"),
    "help.lang": ("消息的语言：zh（中文，默认）或 en（英文）；默认取环境变量 SITE_LANG",
                  "the language of messages: zh (Chinese, the default) or en (English); SITE_LANG sets the default"),
    "help.check": ("校验全部内容，列出每个问题和数据核验结果", "validate all content and print every problem"),
    "help.check.json": ("输出 JSON，供程序读取", "machine-readable output"),
    "help.check.strict": ("有任何未说明的错误或警告时以状态 3 退出",
                          "exit 3 when any check gives an error or a warning"),
    "help.content": ("内容文件夹（默认 content/）", "the content folder (default content/)"),
    "help.build": ("把站点构建到 site/", "build the site into site/"),
    "help.serve": ("构建站点，在 127.0.0.1 上提供，有改动时重新构建",
                   "build, serve on 127.0.0.1 and rebuild on changes"),
    "help.out": ("输出文件夹（默认 site/）", "the output folder (default site/)"),
    "help.no_search": ("不生成搜索索引", "skip the search index"),
    "help.cache": ("构建之间保存已解析、已核验报告的文件夹",
                   "where parsed and checked reports are kept between builds"),
    "help.no_cache": ("每个文件都重新解析、核验", "parse and check every file afresh"),
    "help.debug": ("显示内部错误的回溯信息", "show tracebacks of internal errors"),
    "help.executor": ("在哪里构建各部门：本机的处理器核心（默认），或 Dask 调度器的工作进程"
                      "（须在相同路径下看到内容、--out 和 --cache）",
                      "where departments are built: this machine's cores (default), or the workers of a Dask"
                      " scheduler, which must see the content, --out and --cache at the same paths"),
    "help.host": ("监听的地址（默认 127.0.0.1）", "the address to listen on (default 127.0.0.1)"),
    "help.port": ("端口（默认 8000；0 表示任选一个空闲端口）", "the port (default 8000; 0 picks a free port)"),
    "help.demo": ("用虚构的多年度省级示例数据构建（并提供）站点，每页标明“虚构示例数据”",
                  "build (and serve) a site from a synthetic multi-year province, every page marked 虚构示例数据"),
    "help.demo.reports": ("部门年度报告的份数（默认 300）", "how many department-year reports (default 300)"),
    "help.demo.seed": ("随机数种子", "the random seed"),
    "help.demo.dir": ("内容和站点写到哪里", "where the content and site are written"),
    "help.demo.no_serve": ("只构建，不提供服务", "build only"),
    "help.schema": ("把内容模型的 JSON Schema 写到 schema/", "write the JSON Schema of the content model to schema/"),
    "help.import": ("从报告的文本、Word、Excel 或 PDF 文件起草年度文件",
                    "draft a year file from a report's text, Word, Excel or PDF file"),
    "help.import.report": ("报告文件：.txt、.docx、.xlsx、.xls 或 .pdf",
                           "the report as .txt, .docx, .xlsx, .xls or .pdf"),
    "help.import.review": ("另写一个审阅页（HTML）：报告中的每个数标明去向，旁边是草稿及其数据核验",
                           "also write a review page (HTML): the report's numbers marked by where they went, beside"
                           " the draft and its 数据核验"),
    "help.import.department": ("部门的 slug，如 zhongfang-zwfwzx", "the department's slug, e.g. zhongfang-zwfwzx"),
    "help.import.year": ("报告年度，如 2023", "the report's year, e.g. 2023"),
    "help.import.force": ("覆盖已有的年度文件", "overwrite an existing year file"),
    # argparse's own words (its gettext messages), for the Chinese help and usage errors.
    "argparse.usage: ": ("用法：", "usage: "),
    "argparse.options": ("选项", "options"),
    "argparse.positional arguments": ("位置参数", "positional arguments"),
    "argparse.show this help message and exit": ("显示本帮助并退出", "show this help message and exit"),
    "argparse.%(prog)s: error: %(message)s\n": ("%(prog)s：错误：%(message)s\n", "%(prog)s: error: %(message)s\n"),
    "argparse.the following arguments are required: %s": ("缺少必需的参数：%s",
                                                          "the following arguments are required: %s"),
    "argparse.unrecognized arguments: %s": ("无法识别的参数：%s", "unrecognized arguments: %s"),
    "argparse.expected one argument": ("需要一个值", "expected one argument"),
    "argparse.argument %(argument_name)s: %(message)s": ("参数 %(argument_name)s：%(message)s",
                                                         "argument %(argument_name)s: %(message)s"),
    "argparse.invalid choice: %(value)r (choose from %(choices)s)": (
        "无效的选项 %(value)r（可选 %(choices)s）", "invalid choice: %(value)r (choose from %(choices)s)"),
    "argparse.invalid %(type)s value: %(value)r": ("无效的 %(type)s 值：%(value)r",
                                                   "invalid %(type)s value: %(value)r"),
}
