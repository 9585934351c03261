"""Every command of build.py answers bad arguments, files and requests without a traceback.

Each subcommand (check, schema, build, serve, import, and bare, unknown and --help
invocations) is run as a subprocess with bad input: the exit code is non-zero (0 for
--help), stderr says what is wrong in a line or two, and nothing prints a Python traceback.
`serve` answers bad requests (a very long path, NUL bytes, `..`, a folder without an index,
broken percent-encoding, other methods, non-ASCII paths) with 301/400/404/405/501 and goes
on serving: a good request afterwards still gets its page.
"""

from __future__ import annotations

import contextlib
import io
import os
import queue
import re
import socket
import struct
import subprocess
import sys
import tempfile
import threading
import time
import traceback
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.seeds import CONTENT, ROOT

BUILD = ROOT / "build.py"


def run(*args: str, timeout: float = 60) -> subprocess.CompletedProcess:
    """build.py as a subprocess."""
    return subprocess.run([sys.executable, str(BUILD), *args], capture_output=True, text=True, timeout=timeout,
                          stdin=subprocess.DEVNULL)


def run_here(*args: str) -> subprocess.CompletedProcess:
    """build.py's main() in this process, as a subprocess would show it (an escaping exception as its traceback):
    the same code path, without an interpreter start per case."""
    import build

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = build.main(list(args))
        except SystemExit as exit:  # argparse: 2 for a usage error, 0 for --help
            code = exit.code if isinstance(exit.code, int) else 1
        except BaseException:
            traceback.print_exc()
            code = None
    return subprocess.CompletedProcess(args, code, out.getvalue(), err.getvalue())


def assert_clean(proc: subprocess.CompletedProcess, code: int, fragment: str = "", lines: int = 1) -> str:
    """Exit `code`, no traceback anywhere, and (for a refusal) at most `lines` lines on stderr holding `fragment`."""
    output = proc.stdout + proc.stderr
    assert "Traceback" not in output, output[-3000:]
    assert proc.returncode == code, output[-3000:]
    if code == 0:
        return proc.stdout
    said = proc.stderr.strip().splitlines()
    assert said, "nothing said on stderr"
    assert len(said) <= lines, proc.stderr[-3000:]
    assert fragment in proc.stderr, proc.stderr[-3000:]
    return proc.stderr


def assert_usage_error(proc: subprocess.CompletedProcess, fragment: str = "") -> None:
    """An argparse refusal: exit 2, the usage and one `错误：` line (argparse's words in Chinese too)."""
    assert_clean(proc, 2, fragment, lines=8)
    assert proc.stderr.strip().splitlines()[-1].startswith("build.py"), proc.stderr
    assert "用法：" in proc.stderr and "错误：" in proc.stderr


# --- bare, unknown and --help ----------------------------------------------------------------------------


@pytest.mark.parametrize("args", [["--help"], ["-h"], *[[c, "--help"] for c in ("check", "schema", "build", "serve",
                                                                             "import")]])
def test_help_exits_0(args):
    assert "用法：" in assert_clean(run_here(*args), 0)


@pytest.mark.parametrize("args, fragment", [
    (["bogus"], "无效的选项"),
    (["--bogus"], "无法识别的参数"),  # bare: options without a command are the build's
    (["-x"], "无法识别的参数"),
    (["check", "--bogus"], "无法识别的参数"),
    (["schema", "extra"], "无法识别的参数"),
    (["build", "--cache"], "需要一个值"),
    (["serve", "--port"], "需要一个值"),
    (["check", "--lang", "fr"], "无效的选项"),
    (["import"], "缺少必需的参数"),
    (["import", "r.txt", "--department", "demo-dept"], "缺少必需的参数：--year"),
    (["import", "r.txt", "--department", "demo-dept", "--year", "abc"], "--year"),
    (["import", "r.txt", "--department", "demo-dept", "--year", "2020.5"], "--year"),
])
def test_argument_errors_are_usage_errors(args, fragment):
    assert_usage_error(run_here(*args), fragment)


# Each command once in its own interpreter, as a person runs it; the cases around run main() in this process.
AS_SUBPROCESS = [
    (["--help"], 0, "用法："),
    (["bogus"], 2, "无效的选项"),
    (["import", "r.txt", "--department", "demo-dept", "--year", "abc"], 2, "--year"),
    (["serve", "--port", "99999"], 2, "端口 99999 超出范围"),
    (["schema", "--bogus"], 2, "无法识别的参数"),
]


@pytest.mark.parametrize("args, code, fragment", AS_SUBPROCESS)
def test_argument_errors_as_a_subprocess(args, code, fragment):
    proc = run(*args)
    if code == 2:
        assert_usage_error(proc, fragment)
    else:
        assert fragment in assert_clean(proc, code)


def test_bare_invocation_with_missing_content_is_refused(tmp_path):
    proc = run("--content", str(tmp_path / "none"), "--out", str(tmp_path / "site"), "--cache", str(tmp_path / "c"))
    assert_clean(proc, 1, "找不到内容文件夹", lines=2)
    assert not (tmp_path / "site").exists()


def _file(name: str, data: bytes):
    def make(tmp: Path) -> Path:
        (tmp / name).write_bytes(data)
        return tmp / name
    return make


def _folder(name: str):
    def make(tmp: Path) -> Path:
        (tmp / name).mkdir()
        return tmp / name
    return make


# --- check and build -----------------------------------------------------------------------------------------


def _garbage_content(tmp_path: Path) -> Path:
    content = tmp_path / "content"
    (content / "departments/demo-dept").mkdir(parents=True)
    for name in ("site.yaml", "regions.yaml", "departments/demo-dept/department.yaml"):
        (content / name).write_bytes(b"\x00\xff\xfe garbage \x1b[2J")
    return content


CONTENTS = {
    "missing": lambda tmp: tmp / "none",
    "a-file": _file("file", b"x\n"),
    "empty-folder": _folder("empty"),
    "garbage": _garbage_content,
}


@pytest.mark.parametrize("kind", CONTENTS)
@pytest.mark.parametrize("command", [["check"], ["check", "--json"], ["check", "--strict"], ["build"]])
def test_check_and_build_refuse_bad_content(tmp_path, kind, command):
    content = CONTENTS[kind](tmp_path)
    extra = ["--out", str(tmp_path / "site"), "--cache", str(tmp_path / "cache")] if command == ["build"] else []
    # one check and one build in their own interpreter
    runner = run if (kind, command) in (("garbage", ["check"]), ("a-file", ["build"])) else run_here
    proc = runner(*command, "--content", str(content), *extra)
    assert "Traceback" not in proc.stdout + proc.stderr
    assert proc.returncode == 1, proc.stderr
    if "--json" in command:
        assert '"ok": false' in proc.stdout
    else:
        assert "未构建任何内容" in proc.stderr.strip().splitlines()[-1]
        assert all(line.isprintable() for line in proc.stderr.splitlines()), proc.stderr
    assert not (tmp_path / "site").exists()


# --- schema ---------------------------------------------------------------------------------------------------


def test_schema_into_an_unwritable_place_says_so(tmp_path, monkeypatch, capsys):
    import build

    (tmp_path / "schema").write_text("a file where the folder should be\n")
    monkeypatch.setattr(build, "HERE", tmp_path)
    assert build.main(["schema"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "无法写入" in err[0] and "schema" in err[0]


# --- import: bad files --------------------------------------------------------------------------------------------


def _fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as z:
        for name, data in members.items():
            z.writestr(name, data)
    return path


def _xlsx_as_docx(path: Path, text: str | None = "收入合计") -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    if text is not None:
        book.active["A1"] = text
    book.save(path)
    return path


REPORTS = {  # name: (make the report under tmp_path, what the message says)
    "folder": (_folder("report"), "是文件夹"),
    "folder-named-txt": (_folder("report.txt"), "是文件夹"),
    "missing": (lambda tmp: tmp / "none.txt", "不存在"),
    "missing-docx": (lambda tmp: tmp / "none.docx", "不存在"),
    "empty": (_file("r.txt", b""), "空文件"),
    "empty-docx": (_file("r.docx", b""), "空文件"),
    "blank": (_file("r.txt", " \n\u3000\n\t\n".encode()), "没有文字"),
    "bom-only": (_file("r.txt", b"\xef\xbb\xbf"), "没有文字"),
    "binary-as-txt": (_file("r.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 40), "不是文本文件"),
    "undecodable": (_file("r.txt", "收入合计".encode() + b"\x80\x80\xff\xff"), "编码无法识别"),
    "broken-utf16": (_file("r.txt", b"\xff\xfe" + "收入".encode("utf-16-le") + b"\x00\xd8"), "UTF-16"),
    "too-big": (lambda tmp: _sparse(tmp / "r.txt", 4 * 1024 * 1024 + 1), "超过"),
    "fifo": (lambda tmp: _fifo(tmp / "r.txt"), "不是普通文件"),
    "text-as-docx": (_file("r.docx", "收入合计 848.4 万元\n".encode()), "不是有效的 Word"),
    "random-docx": (_file("r.docx", bytes(range(256)) * 8), "不是有效的 Word"),
    "zip-not-docx": (lambda tmp: _zip(tmp / "r.docx", {"a.txt": b"hello"}), "不是有效的 Word"),
    "truncated-docx": (lambda tmp: _truncated_docx(tmp), "不是有效的 Word"),
    "bad-xml-docx": (lambda tmp: _bad_xml_docx(tmp), "不是有效的 Word"),
    "xlsx-as-docx": (lambda tmp: _xlsx_as_docx(tmp / "r.docx"), "不是有效的 Word"),
    "truncated-pdf": (_file("r.pdf", b"%PDF-1.4\n"), "不是有效的 PDF"),
    "text-as-pdf": (_file("r.pdf", "收入合计 848.4 万元\n".encode()), "不是有效的 PDF"),
    "docx-as-pdf": (lambda tmp: _real_docx(tmp / "r.pdf"), "不是有效的 PDF"),
    "pdf-without-text": (lambda tmp: _blank_pdf(tmp / "r.pdf"), "没有可提取的文字"),
    "text-as-xlsx": (_file("r.xlsx", "收入合计 848.4 万元\n".encode()), "不是有效的 Excel"),
    "docx-as-xlsx": (lambda tmp: _real_docx(tmp / "r.xlsx"), "不是有效的 Excel"),
    "truncated-xlsx": (lambda tmp: _truncated_xlsx(tmp), "不是有效的 Excel"),
    "empty-xlsx": (lambda tmp: _xlsx_as_docx(tmp / "r.xlsx", text=None), "没有文字"),
    "doc": (_file("r.doc", b"\xd0\xcf\x11\xe0"), "不是有效的 Word 97–2003（.doc）文档：不是 OLE2 复合文档"),
    "damaged-doc": (_file("r.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(1000)), "复合文档已损坏"),
    "wps": (_file("r.wps", b"\xd0\xcf\x11\xe0"), "旧版 .wps"),
    "truncated-xls": (_file("r.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100)), "不是有效的 Excel（.xls）"),
    "xml-as-xls": (_file("r.xls", '<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">'
                                  '</Workbook>'.encode()), "没有文字"),  # an XML Spreadsheet, read: empty
    "damaged-xml-as-xls": (_file("r.xls", '<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:'
                                          'spreadsheet"><Worksheet><Table><Row>'.encode()), "不是有效的 Excel（.xls）"),
    "empty-page-as-doc": (_file("r.doc", b"<html><head><title>t</title></head><body></body></html>"), "没有文字"),
    "nul-in-page-as-doc": (_file("r.doc", b'<html><head><meta charset="gb2312"></head><body><p>\x00</p></body></html>'),
                           "含 NUL 字符"),
    "text-as-xls": (_file("r.xls", "收入合计 848.4 万元\n".encode()), "另存为 .xlsx"),
    "image": (_file("r.png", b"\x89PNG\r\n\x1a\n"), "只能导入 .txt（及 .csv、.md）、.docx、.doc、.rtf、.xlsx、.xls、.odt、.ods、.pdf、.ofd、网页（.html、.mht）报告及其压缩包（.zip）"),
}


def _truncated_xlsx(tmp: Path) -> Path:
    data = _xlsx_as_docx(tmp / "whole.xlsx").read_bytes()
    (tmp / "r.xlsx").write_bytes(data[: len(data) // 2])
    return tmp / "r.xlsx"


def _blank_pdf(path: Path) -> Path:
    """A one-page PDF with nothing on it: a scanned report reads like this."""
    body = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for n, obj in enumerate(body, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (n, obj)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(body) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(body) + 1, xref)
    path.write_bytes(bytes(out))
    return path


def _sparse(path: Path, size: int) -> Path:
    with open(path, "wb") as f:
        f.truncate(size)
    return path


def _real_docx(path: Path) -> Path:
    import docx

    document = docx.Document()
    document.add_paragraph("中方县政务服务中心2020年度部门整体支出绩效自评报告")
    document.save(str(path))
    return path


def _truncated_docx(tmp: Path) -> Path:
    data = _real_docx(tmp / "whole.docx").read_bytes()
    (tmp / "r.docx").write_bytes(data[: len(data) // 2])
    return tmp / "r.docx"


def _bad_xml_docx(tmp: Path) -> Path:
    whole = _real_docx(tmp / "whole.docx")
    with zipfile.ZipFile(whole) as z:
        members = {name: z.read(name) for name in z.namelist()}
    members["word/document.xml"] = b"<w:document><unclosed>"
    return _zip(tmp / "r.docx", members)


@pytest.mark.parametrize("kind", REPORTS)
def test_import_refuses_a_bad_report_in_one_line_and_writes_nothing(tmp_path, kind):
    make, fragment = REPORTS[kind]
    report = make(tmp_path)
    content = tmp_path / "content"
    # a pipe in its own interpreter, so a regression that blocks on it times out instead of hanging the suite
    runner = run if kind in ("fifo", "folder", "random-docx", "binary-as-txt") else lambda *a, timeout: run_here(*a)
    proc = runner("import", str(report), "--department", "demo-dept", "--year", "2020", "--content", str(content),
               timeout=30)
    assert_clean(proc, 1, fragment)
    assert not content.exists()
    # The same refusal in English with --lang en: no Chinese left in it (the path and the reader's reason are ASCII).
    proc = runner("import", str(report), "--department", "demo-dept", "--year", "2020", "--content", str(content),
                  "--lang", "en", timeout=30)
    line = assert_clean(proc, 1).strip()
    assert not any("\u4e00" <= c <= "\u9fff" for c in line), line
    assert not content.exists()


@pytest.mark.parametrize("args, fragment", [
    (["--department", "Good Slug", "--year", "2020"], "--department"),
    (["--department", "../../etc", "--year", "2020"], "--department"),
    (["--department", "/etc", "--year", "2020"], "--department"),
    (["--department", "demo-dept", "--year", "-5"], "--year"),
    (["--department", "demo-dept", "--year", "99999"], "--year"),
])
def test_import_refuses_bad_targets_in_one_line(tmp_path, args, fragment):
    report = tmp_path / "r.txt"
    report.write_text("部门整体支出绩效自评报告\n", encoding="utf-8")
    runner = run if "../../etc" in args else run_here
    proc = runner("import", str(report), *args, "--content", str(tmp_path / "content"))
    assert_clean(proc, 1, fragment)
    assert not (tmp_path / "content").exists()


def test_import_of_an_existing_year_says_force_and_a_utf16_report_imports(tmp_path):
    report = tmp_path / "r.txt"
    report.write_bytes("\ufeff部门整体支出绩效自评报告\r\n支出合计848.4万元。\r\n".encode("utf-16-le"))
    args = ["import", str(report), "--department", "demo-dept", "--year", "2020", "--content", str(tmp_path / "c")]
    assert_clean(run_here(*args), 0)
    source = (tmp_path / "c/departments/demo-dept/2020.source.txt").read_text(encoding="utf-8")
    assert source == "部门整体支出绩效自评报告\n支出合计848.4万元。\n"
    assert_clean(run_here(*args), 1, "--force")


def run_env(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    """build.py as a subprocess, with `env` over this process's environment."""
    return subprocess.run([sys.executable, str(BUILD), *args], capture_output=True, text=True, timeout=60,
                          stdin=subprocess.DEVNULL, env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1", **env})


def test_refusals_are_chinese_by_default_and_english_with_lang_en_or_site_lang_en(tmp_path):
    """A refused import and a refused --out, as a person runs them: the one line that says why is
    Chinese by default, English with --lang en or SITE_LANG=en."""
    missing = tmp_path / "missing.docx"
    report = ["import", str(missing), "--department", "demo-dept", "--year", "2020", "--content", str(tmp_path / "c")]
    out = tmp_path / "documents"
    out.mkdir()
    (out / "年度报告.docx").write_bytes(b"PK\x03\x04 not really")
    build = ["build", "--content", str(CONTENT), "--out", str(out), "--cache", str(tmp_path / "cache")]
    zh = {"SITE_LANG": ""}
    assert assert_clean(run_env(zh, *report), 1).strip() == f"报告文件 {missing} 不存在"
    for env, extra in (({}, ["--lang", "en"]), ({"SITE_LANG": "en"}, []), ({"SITE_LANG": "en_GB.UTF-8"}, [])):
        assert assert_clean(run_env({**zh, **env}, *report, *extra), 1).strip() \
            == f"the report file {missing} does not exist"
    said = assert_clean(run_env(zh, *build), 2, "已存在且不是本程序生成的", lines=2).splitlines()
    assert said[0].startswith(f"输出文件夹 --out {out} 已存在且不是本程序生成的（缺少标记文件 .disclosure-site）")
    assert said[1] == "未构建，没有改动任何文件"
    said = assert_clean(run_env({"SITE_LANG": "en"}, *build), 2, lines=2).splitlines()
    assert said[0].startswith(f"the output folder --out {out} exists and was not made by this program (it has no"
                              " marker file .disclosure-site)")
    assert said[1] == "nothing was built; no file was changed"
    assert [p.name for p in out.iterdir()] == ["年度报告.docx"]
    assert not (tmp_path / "c").exists() and not (tmp_path / "cache").exists()


REPORTISH = "收入支出合计万元年度%.0123456789 \t\n|（）一二、："


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.one_of(st.binary(max_size=400),
                      st.text(max_size=300).map(lambda t: t.encode("utf-8", "surrogatepass")),
                      st.text(alphabet=REPORTISH, max_size=300).map(str.encode)),
       suffix=st.sampled_from([".txt", ".docx", ""]))
def test_import_of_arbitrary_bytes_drafts_or_refuses_in_one_line(data, suffix):
    from build import main

    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / f"report{suffix}"
        report.write_bytes(data)
        err = io.StringIO()
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
            code = main(["import", str(report), "--department", "demo-dept", "--year", "2020",
                         "--content", str(Path(tmp) / "content")])
        assert code in (0, 1), err.getvalue()
        if code == 1:
            said = err.getvalue().strip().splitlines()
            assert len(said) == 1 and said[0].isprintable(), said
            assert not (Path(tmp) / "content").exists()


# --- serve: bad arguments ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("port, fragment", [("99999", "端口 99999 超出范围"), ("65536", "超出范围"), ("-1", "超出范围"),
                                            ("abc", "端口须为整数")])
def test_serve_refuses_a_port_out_of_range(tmp_path, port, fragment):
    proc = run_here("serve", f"--port={port}", "--out", str(tmp_path / "site"), "--cache", str(tmp_path / "c"))
    assert_usage_error(proc, fragment)
    assert not (tmp_path / "site").exists()


def test_serve_on_a_port_in_use_says_so_before_building(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        proc = run("serve", "--port", str(port), "--out", str(tmp_path / "site"), "--cache", str(tmp_path / "c"),
                   timeout=20)
    assert_clean(proc, 1, "已被占用")
    assert str(port) in proc.stderr
    assert not (tmp_path / "site").exists()


def test_serve_on_an_address_not_of_this_machine_says_so(tmp_path):
    proc = run_here("serve", "--host", "192.0.2.1", "--port", "0", "--out", str(tmp_path / "site"),
                    "--cache", str(tmp_path / "c"))
    assert_clean(proc, 1, "--host")


def test_serve_of_missing_content_says_there_is_no_site(tmp_path):
    proc = run_here("serve", "--port", "0", "--content", str(tmp_path / "none"), "--out", str(tmp_path / "site"),
                    "--cache", str(tmp_path / "c"))
    assert_clean(proc, 1, "没有可提供的站点", lines=3)


# --- serve: bad requests ---------------------------------------------------------------------------------------


class Server:
    """`build.py serve` of the default content on a free port, its output collected as it comes."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.proc = subprocess.Popen(
            [sys.executable, str(BUILD), "serve", "--port", str(self.port), "--content", str(CONTENT),
             "--out", str(folder / "site"), "--cache", str(folder / "cache")],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, stdin=subprocess.DEVNULL)
        self.lines: list[str] = []
        started: queue.Queue[str] = queue.Queue()

        def read() -> None:
            assert self.proc.stdout is not None
            for line in self.proc.stdout:
                self.lines.append(line)
                if line.startswith("正在 http://"):
                    started.put(line)
            started.put("")

        threading.Thread(target=read, daemon=True).start()
        line = started.get(timeout=120)
        assert f"http://127.0.0.1:{self.port}/" in line, self.output()

    def output(self, since: int = 0) -> str:
        return "".join(self.lines[since:])

    def mark(self) -> int:
        """Where the output stands, so a test looks only at what its own requests printed."""
        time.sleep(0.05)  # what an earlier request printed has reached the reader
        return len(self.lines)

    def request(self, raw: bytes, read_body: bool = True) -> tuple[int | None, bytes]:
        """Send raw bytes; the status (None if the answer has no status line) and the whole answer."""
        with socket.create_connection(("127.0.0.1", self.port), timeout=10) as s:
            s.sendall(raw)
            data = b""
            while True:
                chunk = s.recv(65536)
                if not chunk:
                    break
                data += chunk
        # An error in the request line itself is answered the HTTP/0.9 way: the page only, its code inside.
        found = re.match(rb"HTTP/1\.[01] (\d{3}) ", data) or re.search(rb"<p>Error code: (\d{3})</p>", data)
        return (int(found.group(1)) if found else None), data

    def get(self, target: bytes, method: bytes = b"GET") -> tuple[int | None, bytes]:
        return self.request(method + b" " + target + b" HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n")

    def assert_still_serving(self, since: int) -> None:
        status, data = self.get(b"/")
        assert status == 200, data[:300]
        assert b"/__livereload.js" in data
        status, data = self.get(b"/departments/tianxin-xzspfwj/2020/")
        assert status == 200, data[:300]
        time.sleep(0.05)
        printed = self.output(since)
        assert "Traceback" not in printed and "request failed" not in printed, printed[-3000:]

    def stop(self) -> str:
        self.proc.terminate()
        self.proc.wait(timeout=10)
        return self.output()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    running = Server(tmp_path_factory.mktemp("serve"))
    yield running
    output = running.stop()
    assert "Traceback" not in output, output[-3000:]


BAD_REQUESTS = [  # (method, target, expected status)
    (b"GET", b"/" + b"a" * 5000, 404),
    (b"GET", b"/departments/" + b"x/" * 2500, 404),
    (b"GET", b"/%00", 404),
    (b"GET", b"/a\x00b", 404),  # a raw NUL in the request line
    (b"GET", b"/index.html%00", 404),
    (b"GET", b"/index.html%00.txt", 404),
    (b"GET", b"/../../../../etc/passwd", 404),
    (b"GET", b"/%2e%2e/%2e%2e/%2e%2e/etc/passwd", 404),
    (b"GET", b"/..%2f..%2f..%2fetc%2fpasswd", 404),
    (b"GET", b"/assets/", 404),  # a folder without an index
    (b"GET", b"/index.html/", 404),  # a file named as a folder
    (b"GET", b"/%", 404),
    (b"GET", b"/%zz", 404),
    (b"GET", b"/%ff%fe%c0%af", 404),
    (b"GET", b"/%ed%a0%80", 404),  # an encoded surrogate
    (b"GET", "/部门/".encode(), 404),  # raw UTF-8 in the request line
    (b"GET", b"/%E9%83%A8%E9%97%A8/", 404),
    (b"GET", b"/\\..\\..\\etc\\passwd", 404),
    (b"GET", b"http://127.0.0.1/x", 404),
    (b"POST", b"/", 405),
    (b"PUT", b"/index.html", 405),
    (b"DELETE", b"/index.html", 405),
    (b"OPTIONS", b"*", 405),
    (b"BREW", b"/", 501),
]


@pytest.mark.parametrize("method, target, status", BAD_REQUESTS,
                         ids=[f"{m.decode()} {t[:40]!r}" for m, t, _ in BAD_REQUESTS])
def test_serve_answers_a_bad_request_and_keeps_serving(server, method, target, status):
    since = server.mark()
    got, data = server.get(target, method)
    assert got == status, data[:300]
    assert b"root:" not in data
    if status == 405:
        assert b"Allow: GET, HEAD" in data
    server.assert_still_serving(since)


@pytest.mark.parametrize("raw, status", [
    (b"GET / HTTP/9.9\r\n\r\n", 505),
    (b"GET / HTTP/1.0 extra\r\n\r\n", 400),
    (b"GET /" + b"a" * 70_000 + b" HTTP/1.0\r\n\r\n", 414),
    (b"GET / HTTP/1.0\r\n" + b"X-Long: " + b"a" * 70_000 + b"\r\n\r\n", 431),
    (b"GET / HTTP/1.0\r\nno colon here\r\n\r\n", None),
    (b"\x00\x01\x02\xff\r\n\r\n", None),
])
def test_serve_answers_a_malformed_request_and_keeps_serving(server, raw, status):
    since = server.mark()
    got, data = server.request(raw)
    assert data, "no answer"
    if status is not None:
        assert got == status, data[:300]
    server.assert_still_serving(since)


def test_serve_redirects_a_folder_to_its_slash_and_answers_head(server):
    since = server.mark()
    status, data = server.get(b"/departments")
    assert status == 301 and b"Location: /departments/\r\n" in data
    status, data = server.get(b"//departments?x=1")
    assert status == 301 and b"Location: /departments/?x=1\r\n" in data  # never to another host
    status, data = server.get(b"/", b"HEAD")
    assert status == 200 and data.endswith(b"\r\n\r\n")
    status, data = server.get(b"/__build", b"HEAD")
    assert status == 200 and data.endswith(b"\r\n\r\n")
    server.assert_still_serving(since)


def test_serve_survives_a_client_that_goes_away(server):
    since = server.mark()
    biggest = max((p for p in (server.folder / "site/assets").iterdir() if p.is_file()), key=lambda p: p.stat().st_size)
    for _ in range(5):
        with socket.create_connection(("127.0.0.1", server.port), timeout=10) as s:
            s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))  # reset on close
            s.sendall(f"GET /assets/{biggest.name} HTTP/1.0\r\n\r\n".encode())
    time.sleep(0.2)
    server.assert_still_serving(since)


SEGMENTS = ["..", ".", "%2e%2e", "%00", "%", "%ff", "部门", "departments", "index.html", "", "a" * 300, "assets", "?",
            "#", "\\", "%2f"]


@settings(max_examples=80, deadline=None)
@given(target=st.one_of(
    st.binary(min_size=0, max_size=300).map(lambda b: b"/" + b),
    st.text(max_size=200).map(lambda t: b"/" + t.encode("utf-8", "surrogatepass")),
    st.lists(st.sampled_from(SEGMENTS), max_size=20).map(lambda p: ("/" + "/".join(p)).encode())),
       method=st.sampled_from([b"GET", b"HEAD", b"POST", b"get", b"X"]))
def test_serve_answers_any_request_path(server, target, method):
    since = len(server.lines)
    got, data = server.get(target, method)
    assert data, "no answer"
    assert got is None or got < 500 or got in (501, 505), data[:300]
    assert b"root:" not in data
    assert b"Traceback" not in data
    status, _ = server.get(b"/")
    assert status == 200
    assert "Traceback" not in server.output(since)
