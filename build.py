#!/usr/bin/env python3
"""Command line: check content, export the schema, build and serve the site.

    python build.py check [--json] [--content DIR]
    python build.py schema
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def cmd_check(args: argparse.Namespace) -> int:
    from generator.load import load_content
    from generator.problems import ContentError

    try:
        content = load_content(args.content)
    except ContentError as err:
        if args.json:
            print(json.dumps({"ok": False, "problems": [p.as_dict() for p in err.problems]},
                             ensure_ascii=False, indent=2))
        else:
            for problem in err.problems:
                print(problem, file=sys.stderr)
            print(f"{len(err.problems)} problem(s) in content; nothing was built.", file=sys.stderr)
        return 1
    reports = content.reports()
    if args.json:
        print(json.dumps({"ok": True, "departments": len(content.departments), "reports": len(reports),
                          "problems": []}, ensure_ascii=False, indent=2))
    else:
        print(f"content ok: {len(content.departments)} departments, {len(reports)} reports")
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    from generator.schema import write_schemas

    for path in write_schemas(HERE / "schema"):
        print(path.relative_to(HERE))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="build.py", description="政务公开预算绩效报告站点生成器")
    sub = parser.add_subparsers(dest="command")
    check = sub.add_parser("check", help="validate all content and print every problem")
    check.add_argument("--json", action="store_true", help="machine-readable output")
    check.add_argument("--content", type=Path, default=HERE / "content")
    check.set_defaults(func=cmd_check)
    schema = sub.add_parser("schema", help="write the JSON Schema of the content model to schema/")
    schema.set_defaults(func=cmd_schema)
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return args.func(args)
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
