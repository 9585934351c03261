#!/usr/bin/env python3
"""Command line: check content, export the schema, build and serve the site.

    python build.py [build] [--content DIR] [--out DIR] [--executor local|dask://HOST:PORT]
    python build.py serve [--port 8000]
    python build.py check [--json] [--strict] [--content DIR]
    python build.py schema
    python build.py import REPORT.(txt|docx|xlsx|xls|pdf) --department SLUG --year YEAR [--force] [--content DIR]

Every command takes `--lang zh|en`: the language of its messages (Chinese unless SITE_LANG says otherwise).
Messages are worded from generator/content/messages.py.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from pathlib import Path

from generator.content.messages import CATALOGUE, ENV_VAR, LANGUAGES, default_language, language_of, set_language, t

HERE = Path(__file__).resolve().parent


def cmd_check(args: argparse.Namespace) -> int:
    from generator.checks import SEVERITY_LABELS, explained_by, findings, unexplained
    from generator.content.problems import ContentError
    from generator.department import check_site

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
            print(t("cli.problems.check", count=len(err.problems)), file=sys.stderr)
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
    print(t("cli.content_ok", departments=checked.departments, reports=len(results)))
    counts = {s: sum(1 for r in found if r.severity == s) for s in SEVERITY_LABELS}
    unchecked = sum(1 for r in flat if r.passed is None)
    print(t("cli.checks_summary", checks=len(flat), found=len(found), errors=counts["error"],
            warnings=counts["warning"], infos=counts["info"], unchecked=unchecked))
    names = checked.names
    # The findings themselves (rule, subject, message, the report's own words) are Chinese, as the
    # reports are: only the frame around them follows --lang.
    for key in sorted(results):
        report_found = findings(results[key])
        if not report_found:
            continue
        name, path = names[key]
        print("\n" + t("cli.report_heading", name=name, year=key[1], path=path))
        for r in report_found:
            print(f"  {SEVERITY_LABELS[r.severity]}  {r.file}:{r.line}  [{r.rule}] {r.subject}：{r.message}")
            where = t("cli.terms_joiner").join(t("cli.term", label=term.label, stated=term.stated, line=term.line)
                                               for term in r.terms[:6])
            more = t("cli.more_terms", count=len(r.terms) - 6) if len(r.terms) > 6 else ""
            if where:
                print(f"        {where}{more}")
            if r.explanation is not None:
                by = explained_by(r.explanation)
                shown_by = t("cli.explained_by", by=by) if by else ""
                print("        " + t("cli.explained", by=shown_by, text=r.explanation.text.strip()))
    explained_count = sum(1 for r in found if r.explanation is not None)
    if explained_count:
        print("\n" + t("cli.explained_count", count=explained_count))
    if args.strict and gate:
        print("\n" + t("cli.strict_failed", count=len(gate)), file=sys.stderr)
    return status


def _report_problems(err) -> None:
    for problem in err.problems:
        print(problem, file=sys.stderr)
    print(t("cli.problems.build", count=len(err.problems)), file=sys.stderr)


def cmd_build(args: argparse.Namespace) -> int:
    from generator.content.problems import ContentError
    from generator.engine.executor import ExecutorError, named
    from generator.engine.pipeline import build
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
        print(t("cli.nothing_built"), file=sys.stderr)
        return 2
    except ContentError as err:
        _report_problems(err)
        return 1
    except Exception as err:  # a bug or a broken install: say so plainly, keep the old site
        if args.debug:
            raise
        print(t("cli.build_failed", kind=type(err).__name__, error=err), file=sys.stderr)
        print(t("cli.build_failed.hint"), file=sys.stderr)
        return 2
    finally:
        if runner is not None:
            runner.close()
    _ENDING.append(result)  # freed by the process's end (see the end of this file)
    stages = t("cli.stages_joiner").join(t("cli.stage", name=name, seconds=seconds)
                                         for name, seconds in result.stages.items())
    print(t("cli.built", pages=result.pages, files=result.files, megabytes=result.bytes / 1e6, out=args.out,
            stages=stages, changed=result.files - result.unchanged)
          + (t("cli.built.reused", reused=result.reused, departments=result.departments) if result.reused else ""))
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
        print(t("cli.demo_failed", detail=done.stderr.strip().splitlines()[-1] if done.stderr.strip()
                else done.returncode), file=sys.stderr)
        return 1
    content = folder / "content"
    site = content / "site.yaml"
    text = site.read_text(encoding="utf-8").replace("title: 部门预算绩效公开平台",
                                                    "title: 部门预算绩效公开平台（示例）")
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
        print(t("cli.schema_unwritable", path=err.filename or HERE / "schema", reason=err.strerror or err),
              file=sys.stderr)
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
        print(t("import.failed", kind=type(err).__name__, first=first), file=sys.stderr)
        return 2
    for path in result.written:
        print(t("import.wrote", path=path))
    draft = result.draft
    print(t("import.placed", placed=len(draft.placed), loose=len(draft.loose)))
    if result.revisions:
        print(t("import.revisions", path=args.report))
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
        print(t("import.review_inside", path=args.review), file=sys.stderr)
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
        print(t("import.review_unwritable", path=args.review, reason=err.strerror or err), file=sys.stderr)
        return 1
    print(t("import.review_wrote", path=args.review, count=len(found)))
    return 0


def _port(text: str) -> int:
    """--port: a TCP port number, refused with a message in the site's language."""
    try:
        port = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(t("cli.port_not_integer", text=repr(text))) from None
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(t("cli.port_out_of_range", port=port))
    return port


def _lang_asked(argv: list[str]) -> str | None:
    """The language `--lang` names in `argv` (before argparse reads it, so that its help and its
    errors are in that language too), or None."""
    for n, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--lang" and n + 1 < len(argv):
            return language_of(argv[n + 1])
        if arg.startswith("--lang="):
            return language_of(arg.partition("=")[2])
    return None


@contextlib.contextmanager
def _argparse_in(lang: str):
    """argparse's own words (`usage:`, `the following arguments are required`) in `lang`, while
    the parser is made and reads the arguments: argparse looks them up through its module's `_`."""
    own = argparse._  # type: ignore[attr-defined]  # argparse's gettext, not in its stubs

    def words(text: str) -> str:
        return t(f"argparse.{text}", lang) if f"argparse.{text}" in CATALOGUE else own(text)

    argparse._ = words  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._ = own  # type: ignore[attr-defined]


def _parser(lang: str) -> argparse.ArgumentParser:
    def h(message_id: str) -> str:
        return t(message_id, lang)

    parser = argparse.ArgumentParser(prog="build.py", description=h("help.description"))
    sub = parser.add_subparsers(dest="command")

    def command(name: str, help_id: str) -> argparse.ArgumentParser:
        cmd = sub.add_parser(name, help=h(help_id), description=h(help_id))
        cmd.add_argument("--lang", choices=LANGUAGES, default=lang, help=h("help.lang"))
        return cmd

    check = command("check", "help.check")
    check.add_argument("--json", action="store_true", help=h("help.check.json"))
    check.add_argument("--strict", action="store_true", help=h("help.check.strict"))
    check.add_argument("--content", type=Path, default=HERE / "content", help=h("help.content"))
    check.set_defaults(func=cmd_check)
    for name in ("build", "serve"):
        cmd = command(name, f"help.{name}")
        cmd.add_argument("--content", type=Path, default=HERE / "content", help=h("help.content"))
        cmd.add_argument("--out", type=Path, default=HERE / "site", help=h("help.out"))
        cmd.add_argument("--no-search", action="store_true", help=h("help.no_search"))
        cmd.add_argument("--cache", type=Path, default=HERE / ".cache" / "build", help=h("help.cache"))
        cmd.add_argument("--no-cache", action="store_true", help=h("help.no_cache"))
        cmd.add_argument("--debug", action="store_true", help=h("help.debug"))
        if name == "build":
            cmd.add_argument("--executor", default="local", metavar="local|dask://HOST:PORT", help=h("help.executor"))
        if name == "serve":
            cmd.add_argument("--host", default="127.0.0.1", help=h("help.host"))
            cmd.add_argument("--port", type=_port, default=8000, help=h("help.port"))
        cmd.set_defaults(func=cmd_build if name == "build" else cmd_serve)
    demo = command("demo", "help.demo")
    demo.add_argument("--reports", type=int, default=300, help=h("help.demo.reports"))
    demo.add_argument("--seed", type=int, default=1, help=h("help.demo.seed"))
    demo.add_argument("--dir", type=Path, default=HERE / ".demo", help=h("help.demo.dir"))
    demo.add_argument("--no-serve", action="store_true", help=h("help.demo.no_serve"))
    demo.add_argument("--no-search", action="store_true", help=h("help.no_search"))
    demo.add_argument("--host", default="127.0.0.1", help=h("help.host"))
    demo.add_argument("--port", type=_port, default=8000, help=h("help.port"))
    demo.set_defaults(func=cmd_demo)
    schema = command("schema", "help.schema")
    schema.set_defaults(func=cmd_schema)
    draft = command("import", "help.import")
    draft.add_argument("report", type=Path, help=h("help.import.report"))
    draft.add_argument("--review", type=Path, metavar="FILE", help=h("help.import.review"))
    draft.add_argument("--department", required=True, help=h("help.import.department"))
    draft.add_argument("--year", type=int, required=True, help=h("help.import.year"))
    draft.add_argument("--force", action="store_true", help=h("help.import.force"))
    draft.add_argument("--content", type=Path, default=HERE / "content", help=h("help.content"))
    draft.add_argument("--debug", action="store_true", help=h("help.debug"))
    draft.set_defaults(func=cmd_import)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if not argv or argv[0].startswith("--") and argv[0] not in ("-h", "--help"):
        argv = ["build", *argv]
    env = os.environ.get(ENV_VAR)
    if env and language_of(env) is None and _lang_asked(argv) is None:
        print(t("cli.bad_site_lang", LANGUAGES[0], name=ENV_VAR, value=env), file=sys.stderr)
        return 2
    lang = _lang_asked(argv) or default_language()
    set_language(lang)  # argparse's errors (a bad --port) are worded while it reads the arguments
    try:
        with _argparse_in(lang):
            args = _parser(lang).parse_args(argv)
        set_language(getattr(args, "lang", lang))
        return args.func(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # output piped into `head` and the like
        sys.stderr.close()
        return 0
    finally:
        set_language(None)


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
