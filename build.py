#!/usr/bin/env python3
"""Command line: check content, export the schema, build and serve the site.

    python build.py [build] [--content DIR] [--out DIR] [--executor local|dask://HOST:PORT]
    python build.py serve [--port 8000]
    python build.py check [--json] [--strict] [--content DIR]
    python build.py schema
    python build.py import REPORT.(txt|docx|xlsx|xls|pdf) --department SLUG --year YEAR [--force] [--content DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def cmd_check(args: argparse.Namespace) -> int:
    from generator.checks import SEVERITY_LABELS, explained_by, findings, unexplained
    from generator.department import check_site
    from generator.content.problems import ContentError

    try:
        checked = check_site(args.content)
        if checked.problems:
            raise ContentError(checked.problems)
    except ContentError as err:
        if args.json:
            print(json.dumps({"ok": False, "problems": [p.as_dict() for p in err.problems], "findings": []},
                             ensure_ascii=False, indent=2))
        else:
            for problem in err.problems:
                print(problem, file=sys.stderr)
            from generator.importer import explain

            for note in explain(err.problems):
                print(note, file=sys.stderr)
            print(f"{len(err.problems)} problem(s) in content; nothing was built.", file=sys.stderr)
        return 1
    results = checked.results
    flat = [r for rs in results.values() for r in rs]
    found = findings(flat)
    gate = unexplained(flat)  # errors and warnings no explanation answers
    status = 3 if args.strict and gate else 0
    if args.json:
        print(json.dumps({"ok": status == 0, "departments": checked.departments, "reports": len(results),
                          "problems": [], "checks": len(flat),
                          "findings": [r.as_dict() for r in found],
                          "unchecked": [r.as_dict() for r in flat if r.passed is None]},
                         ensure_ascii=False, indent=2))
        return status
    print(f"content ok: {checked.departments} departments, {len(results)} reports")
    counts = {s: sum(1 for r in found if r.severity == s) for s in SEVERITY_LABELS}
    unchecked = sum(1 for r in flat if r.passed is None)
    print(f"数据核验：{len(flat)} 项核对，{len(found)} 项不一致"
          f"（错误 {counts['error']}，警告 {counts['warning']}，提示 {counts['info']}），{unchecked} 项无法核对")
    names = checked.names
    for key in sorted(results):
        report_found = findings(results[key])
        if not report_found:
            continue
        name, path = names[key]
        print(f"\n{name} {key[1]}年度（{path}）")
        for r in report_found:
            print(f"  {SEVERITY_LABELS[r.severity]}  {r.file}:{r.line}  [{r.rule}] {r.subject}：{r.message}")
            where = "；".join(f"{t.label} {t.stated}（第{t.line}行）" for t in r.terms[:6])
            more = f"；另 {len(r.terms) - 6} 项" if len(r.terms) > 6 else ""
            if where:
                print(f"        {where}{more}")
            if r.explanation is not None:
                by = explained_by(r.explanation)
                print(f"        单位说明{f'（{by}）' if by else ''}：{r.explanation.text.strip()}")
    explained_count = sum(1 for r in found if r.explanation is not None)
    if explained_count:
        print(f"\n其中 {explained_count} 项已有单位说明")
    if args.strict and gate:
        print(f"\n--strict: {len(gate)} 项错误或警告没有说明，未通过发布前核验", file=sys.stderr)
    return status


def _report_problems(err) -> None:
    for problem in err.problems:
        print(problem, file=sys.stderr)
    print(f"{len(err.problems)} problem(s) in content; nothing was built, the previous site is unchanged.",
          file=sys.stderr)


def cmd_build(args: argparse.Namespace) -> int:
    from generator.engine.executor import ExecutorError, named
    from generator.engine.pipeline import build
    from generator.content.problems import ContentError
    from generator.engine.targets import TargetError

    if _ENDS_PROCESS:
        import gc

        # A build turns the cyclic collector off while it runs (generator/engine/pipeline.py) and back
        # on after, when a full collection would look at its millions of objects once more;
        # the process ends with the build, so it stays off.
        gc.disable()
    runner = None
    content = args.content
    try:
        if args.executor != "local":  # the default stays exactly the build it was
            runner = named(args.executor)
            runner.open()  # a bad address or a scheduler out of reach: said before anything is touched
            content = content.absolute()  # the workers have other working folders
        result = build(content, args.out, search=not args.no_search,
                       cache_dir=None if args.no_cache else args.cache, show_progress=True, executor=runner)
    except ExecutorError as err:
        print(err, file=sys.stderr)
        return 2
    except TargetError as err:
        print(err, file=sys.stderr)
        print("nothing was built; no file was changed", file=sys.stderr)
        return 2
    except ContentError as err:
        _report_problems(err)
        return 1
    except Exception as err:  # a bug or a broken install: say so plainly, keep the old site
        if args.debug:
            raise
        print(f"build failed: {type(err).__name__}: {err}", file=sys.stderr)
        print("the previous site is unchanged; run with --debug for the details", file=sys.stderr)
        return 2
    finally:
        if runner is not None:
            runner.close()
    _ENDING.append(result)  # freed by the process's end (see the end of this file)
    stages = ", ".join(f"{name} {seconds:.2f}s" for name, seconds in result.stages.items())
    print(f"built {result.pages} pages, {result.files} files, {result.bytes / 1e6:.1f} MB into {args.out} ({stages}); "
          f"{result.files - result.unchanged} files new or changed"
          + (f"; {result.reused} of {result.departments} departments unchanged, their pages kept"
             if result.reused else ""))
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from generator.engine.serve import serve
    from generator.engine.targets import TargetError, check_cache, check_output

    try:
        check_output(args.out, args.content)
        if not args.no_cache:
            check_cache(args.cache, args.content, args.out)
    except TargetError as err:
        print(err, file=sys.stderr)
        return 2
    return serve(args.content, args.out, args.host, args.port, search=not args.no_search,
                 cache_dir=None if args.no_cache else args.cache)


#: Every page of the demo site says so at its top.
DEMO_NOTICE = "虚构示例数据：本站的地区、部门与全部数字均由程序生成（benchmarks/synth.py），不是真实的公开报告。"


def cmd_demo(args: argparse.Namespace) -> int:
    """A site from a synthetic multi-year province (benchmarks/synth.py), every page bannered as
    虚构示例数据: to see the pages that read across departments, years and regions."""
    import subprocess

    folder = args.dir
    done = subprocess.run([sys.executable, str(HERE / "benchmarks" / "synth.py"), str(args.reports), str(folder),
                           "--seed", str(args.seed)], capture_output=True, text=True)
    if done.returncode != 0:
        print(f"示例内容生成失败：{done.stderr.strip().splitlines()[-1] if done.stderr.strip() else done.returncode}",
              file=sys.stderr)
        return 1
    content = folder / "content"
    site = content / "site.yaml"
    text = site.read_text(encoding="utf-8").replace("title: 部门预算绩效公开平台", "title: 部门预算绩效公开平台（示例）")
    site.write_text(text.rstrip("\n") + f"\nnotice: {DEMO_NOTICE}\n", encoding="utf-8")
    out = folder / "site"
    if args.no_serve:
        return cmd_build(argparse.Namespace(content=content, out=out, no_search=args.no_search, cache=folder / ".cache",
                                            no_cache=False, debug=False, executor="local"))
    return cmd_serve(argparse.Namespace(content=content, out=out, no_search=args.no_search, cache=folder / ".cache",
                                        no_cache=False, host=args.host, port=args.port))


def cmd_schema(args: argparse.Namespace) -> int:
    from generator.content.schema import write_schemas

    try:
        written = write_schemas(HERE / "schema")
    except OSError as err:
        print(f"无法写入 {err.filename or HERE / 'schema'}：{err.strerror or err}", file=sys.stderr)
        return 1
    for path in written:
        print(path.relative_to(HERE))
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from generator.importer import ImportRefused, import_report

    try:
        result = import_report(args.report, args.content, args.department, args.year, force=args.force)
    except ImportRefused as err:
        print(err, file=sys.stderr)
        return 1
    except Exception as err:  # a bug in the drafting, before anything is written: say so in one line
        if args.debug:
            raise
        first = str(err).splitlines()[0] if str(err).strip() else ""
        print(f"导入失败（内部错误 {type(err).__name__}：{first}）；加 --debug 查看详情", file=sys.stderr)
        return 2
    for path in result.written:
        print(f"wrote {path}")
    draft = result.draft
    print(f"{len(draft.placed)} figures placed, {len(draft.loose)} numbers left under `unplaced:` for review")
    if args.review is not None:
        code = _write_review(args, result)
        if code:
            return code
    return 0


def _write_review(args: argparse.Namespace, result) -> int:
    """The review page of a draft just written (`import --review FILE`)."""
    from generator.checks import SEVERITY_LABELS, findings
    from generator.checks.checker import check_report
    from generator.content.load import ReportFile, parse
    from generator.content.model import YearReport
    from generator.importer import strip_unplaced
    from generator.importer.review import Finding, page

    year_file = next(p for p in result.written if p.suffix == ".yaml" and p.stem.isdigit())
    source = next(p for p in result.written if p.name.endswith(".source.txt"))
    try:
        inside = args.review.resolve().is_relative_to(args.content.resolve())
    except OSError:
        inside = False
    if inside:
        print(f"--review {args.review}：审阅页不能写在 --content 之内（内容文件夹只放内容文件）", file=sys.stderr)
        return 1
    report, marks, problems = parse(YearReport, strip_unplaced(result.draft.yaml), str(year_file))
    found = []
    if report is not None and not problems:
        rf = ReportFile(args.department, args.year, report, str(year_file), marks)
        for r in findings(check_report(rf)):
            line = next((t.line for t in r.terms if getattr(t, "line", None)), None)
            found.append(Finding(SEVERITY_LABELS[r.severity], r.rule, f"{r.subject}：{r.message}" if r.message
                                 else r.subject, line))
    text = page(source.read_text(encoding="utf-8"), result.draft, args.report.name, str(year_file), found)
    try:
        args.review.parent.mkdir(parents=True, exist_ok=True)
        args.review.write_text(text, encoding="utf-8")
    except OSError as err:
        print(f"无法写入审阅页 {args.review}：{err.strerror or err}", file=sys.stderr)
        return 1
    print(f"wrote {args.review} (review: {len(found)} 数据核验 findings in the draft)")
    return 0


def _port(text: str) -> int:
    """--port: a TCP port number, refused with a message in the site's language."""
    try:
        port = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"端口须为整数，不是 {text!r}") from None
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"端口 {port} 超出范围：须在 0 到 65535 之间（0 表示任选一个空闲端口）")
    return port


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="build.py", description="政务公开预算绩效报告站点生成器")
    sub = parser.add_subparsers(dest="command")
    check = sub.add_parser("check", help="validate all content and print every problem")
    check.add_argument("--json", action="store_true", help="machine-readable output")
    check.add_argument("--strict", action="store_true", help="exit 3 when any check gives an error or a warning")
    check.add_argument("--content", type=Path, default=HERE / "content")
    check.set_defaults(func=cmd_check)
    for name in ("build", "serve"):
        cmd = sub.add_parser(name, help="build the site into site/" if name == "build"
                             else "build, serve on 127.0.0.1 and rebuild on changes")
        cmd.add_argument("--content", type=Path, default=HERE / "content")
        cmd.add_argument("--out", type=Path, default=HERE / "site")
        cmd.add_argument("--no-search", action="store_true", help="skip the search index")
        cmd.add_argument("--cache", type=Path, default=HERE / ".cache" / "build",
                         help="where parsed and checked reports are kept between builds")
        cmd.add_argument("--no-cache", action="store_true", help="parse and check every file afresh")
        cmd.add_argument("--debug", action="store_true", help="show tracebacks of internal errors")
        if name == "build":
            cmd.add_argument("--executor", default="local", metavar="local|dask://HOST:PORT",
                             help="where departments are built: this machine's cores (default), or the "
                                  "workers of a Dask scheduler, which must see the content, --out and --cache "
                                  "at the same paths")
        if name == "serve":
            cmd.add_argument("--host", default="127.0.0.1")
            cmd.add_argument("--port", type=_port, default=8000, help="0 picks a free port")
        cmd.set_defaults(func=cmd_build if name == "build" else cmd_serve)
    demo = sub.add_parser("demo", help="build (and serve) a site from a synthetic multi-year province, "
                                       "every page marked 虚构示例数据")
    demo.add_argument("--reports", type=int, default=300, help="how many department-year reports (default 300)")
    demo.add_argument("--seed", type=int, default=1)
    demo.add_argument("--dir", type=Path, default=HERE / ".demo", help="where the content and site are written")
    demo.add_argument("--no-serve", action="store_true", help="build only")
    demo.add_argument("--no-search", action="store_true", help="skip the search index")
    demo.add_argument("--host", default="127.0.0.1")
    demo.add_argument("--port", type=_port, default=8000, help="0 picks a free port")
    demo.set_defaults(func=cmd_demo)
    schema = sub.add_parser("schema", help="write the JSON Schema of the content model to schema/")
    schema.set_defaults(func=cmd_schema)
    draft = sub.add_parser("import", help="draft a year file from a report's text, Word, Excel or PDF file")
    draft.add_argument("report", type=Path, help="the report as .txt, .docx, .xlsx, .xls or .pdf")
    draft.add_argument("--review", type=Path, metavar="FILE",
                       help="also write a review page (HTML): the report's numbers marked by where they went, "
                            "beside the draft and its 数据核验")
    draft.add_argument("--department", required=True, help="the department's slug, e.g. zhongfang-zwfwzx")
    draft.add_argument("--year", type=int, required=True)
    draft.add_argument("--force", action="store_true", help="overwrite an existing year file")
    draft.add_argument("--content", type=Path, default=HERE / "content")
    draft.add_argument("--debug", action="store_true", help="show tracebacks of internal errors")
    draft.set_defaults(func=cmd_import)
    argv = sys.argv[1:] if argv is None else argv
    if not argv or argv[0].startswith("--") and argv[0] not in ("-h", "--help"):
        argv = ["build", *argv]
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # output piped into `head` and the like
        sys.stderr.close()
        return 0


#: What a command made that the process's end frees: a build's results hold millions of
#: objects, whose freeing one by one cost more than a second at 10,000 reports.
_ENDING: list = []
#: Whether the process ends with the command (build.py run as a program, not `main` called).
_ENDS_PROCESS = False


if __name__ == "__main__":
    _ENDS_PROCESS = True
    code = main()
    if _ENDING:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        except OSError:
            pass
        os._exit(code)
    sys.exit(code)
