"""Invalid-content fixtures: each case overlays files on tests/fixtures/minimal.

Run `python -m tests.invalid_cases` to rewrite every case's expected.txt from the
current loader; review the diff before committing it.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT_DIR = HERE.parent
MINIMAL = HERE / "fixtures" / "minimal"
CASES = HERE / "invalid"


def case_names() -> list[str]:
    return sorted(p.name for p in CASES.iterdir() if p.is_dir())


def materialise(case: str, into: Path) -> Path:
    """Copy the minimal site and lay the case's files over it; return the content folder."""
    content = into / "content"
    shutil.copytree(MINIMAL, content)
    overlay = CASES / case / "content"
    for path in sorted(overlay.rglob("*")):
        if path.is_file():
            target = content / path.relative_to(overlay)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)
    return content


def problems_for(case: str, into: Path) -> list[str]:
    from generator.content.load import load_content
    from generator.content.problems import ContentError

    try:
        load_content(materialise(case, into))
    except ContentError as err:
        return [str(p) for p in err.problems]
    return []


def main() -> int:
    import tempfile

    sys.path.insert(0, str(HERE.parent))
    for case in case_names():
        with tempfile.TemporaryDirectory() as tmp:
            lines = problems_for(case, Path(tmp))
        (CASES / case / "expected.txt").write_text("".join(f"{line}\n" for line in lines), encoding="utf-8")
        print(f"{case}: {len(lines)} problem(s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
