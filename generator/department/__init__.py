"""The department, the unit of work of a build: `build` makes one department's pages, rows and
search records (and `run` is that task as an executor runs it); `memo` is its result as the
build's store keeps it between builds."""

from .build import BuildScope, Job, Outcome, build_department, check_site, prepare, run, signature
from .memo import Kept, extents_of

__all__ = ["BuildScope", "Job", "Kept", "Outcome", "build_department", "check_site", "extents_of", "prepare", "run",
           "signature"]
