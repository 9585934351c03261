"""The region tree as the site uses it: paths, URLs and which departments sit where."""

from __future__ import annotations

from dataclasses import dataclass

from .model import Region, Regions


@dataclass(frozen=True)
class Place:
    """A region with its ancestors: province → city → county."""

    region: Region
    lineage: tuple[Region, ...]  # from the province down to this region, inclusive

    @property
    def url(self) -> str:
        return "regions/" + "".join(f"{r.slug}/" for r in self.lineage)

    @property
    def level(self) -> str:
        return ("省", "市", "县")[len(self.lineage) - 1]

    @property
    def full_name(self) -> str:
        return "".join(r.name for r in self.lineage)

    @property
    def code(self) -> str:
        return self.region.code


def places(regions: Regions) -> dict[str, Place]:
    """Every region by code."""
    out: dict[str, Place] = {}

    def walk(items: tuple[Region, ...], lineage: tuple[Region, ...]) -> None:
        for region in items:
            here = (*lineage, region)
            out[region.code] = Place(region, here)
            walk(region.children, here)

    walk(regions.regions, ())
    return out
