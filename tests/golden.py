"""The golden report page: a full page compared byte for byte.

Regenerate with `python -m tests.golden` after an intended change, then review the diff.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
PAGE = "departments/suining-xzspfwj/2023/index.html"
GOLDEN = HERE / "golden" / "suining-xzspfwj-2023.html"


def main() -> int:
    sys.path.insert(0, str(HERE.parent))
    from generator.engine.pipeline import build

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "site"
        build(HERE.parent / "content", out)
        GOLDEN.parent.mkdir(exist_ok=True)
        GOLDEN.write_text((out / PAGE).read_text(encoding="utf-8"), encoding="utf-8")
    print(f"wrote {GOLDEN.relative_to(HERE.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
