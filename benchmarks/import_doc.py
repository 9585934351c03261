"""How a report drafts from Word 97–2003 (.doc) against the same report as .docx.

    SITE_LANG=en .venv/bin/python benchmarks/import_doc.py            # every .doc fixture
    SITE_LANG=en .venv/bin/python benchmarks/import_doc.py --show 71  # and the .doc's verdicts on one

Each file of tests/fixtures/import/doc/ is a .docx fixture saved as .doc by LibreOffice, named
after its fixture's folder (that folder's README says how). Both files are scored as
import_quality.py scores a fixture, with the .docx's key: the .doc should place the same figures.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from import_quality import FIXTURES, Score, report_file, score  # noqa: E402

DOCS = FIXTURES / "doc"


def source_of(doc: Path) -> Path:
    """The fixture folder a .doc was made from (its name; never a sealed set's)."""
    return next(p for p in sorted(FIXTURES.glob(f"*/{doc.stem}")) if p.is_dir() and p.parent.name != "heldout20")


def scored(doc: Path, show: bool = False) -> tuple[Score, Score]:
    """The .docx fixture's score and the .doc's, with the same key."""
    source = source_of(doc)
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work) / source.name
        folder.mkdir()
        shutil.copyfile(source / "key.yaml", folder / "key.yaml")
        shutil.copyfile(doc, folder / (report_file(source).stem + ".doc"))
        return score(source), score(folder, show)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--show", help="print every figure's verdict of the .doc whose name starts so")
    args = parser.parse_args()
    print("| report | stated | .docx right | .doc right | .docx wrong | .doc wrong | .doc missing | note |")
    print("|---|---:|---:|---:|---:|---:|---:|---|")
    for doc in sorted(DOCS.glob("*.doc"), key=lambda p: int(p.stem.split("-")[0])):
        docx, old = scored(doc, bool(args.show) and doc.name.startswith(args.show))
        for line in old.lines:
            print(line)
        print(f"| {doc.stem} | {docx.stated} | {docx.right} | {old.right} | {docx.wrong} | {old.wrong} | "
              f"{old.missing} | {old.refused} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
