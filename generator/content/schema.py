"""JSON Schema export of the content model, so editors validate YAML as people type."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from .model import Department, Glossary, Regions, Site, YearReport

SCHEMAS: dict[str, type[BaseModel]] = {
    "year.schema.json": YearReport,
    "department.schema.json": Department,
    "regions.schema.json": Regions,
    "site.schema.json": Site,
    "glossary.schema.json": Glossary,
}


def schema_of(model: type[BaseModel]) -> dict:
    schema = model.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return _share_figure_schemas(_drop_refused_defaults(schema))


def _drop_refused_defaults(node):
    """A field that may be left out but not written empty (figures.Omittable) keeps `default: null`
    from pydantic; editors would offer `actual: null`, which the schema refuses, so it goes."""
    if isinstance(node, list):
        return [_drop_refused_defaults(v) for v in node]
    if not isinstance(node, dict):
        return node
    out = {k: _drop_refused_defaults(v) for k, v in node.items()}
    if "default" in out and out["default"] is None and not _admits_null(out):
        del out["default"]
    return out


def _admits_null(node: dict) -> bool:
    kind = node.get("type")
    return kind == "null" or (isinstance(kind, list) and "null" in kind) or any(
        isinstance(branch, dict) and _admits_null(branch) for branch in node.get("anyOf", ()))


def _share_figure_schemas(schema: dict) -> dict:
    """Figure types are inlined by pydantic at every use; define each once and refer to it."""
    shared: dict[str, dict] = {}

    def key_of(node: dict) -> str | None:
        if set(node) - {"anyOf", "description", "default"} or "anyOf" not in node:
            return None
        return json.dumps(node["anyOf"], sort_keys=True, ensure_ascii=False)

    names: dict[str, str] = {}

    def walk(node):
        if isinstance(node, dict):
            key = key_of(node)
            if key is not None and len(key) > 400:
                name = names.setdefault(key, f"Figure{len(names) + 1}")
                shared[name] = {"anyOf": node["anyOf"]}
                out = {"$ref": f"#/$defs/{name}"}
                for extra in ("description", "default"):
                    if extra in node:
                        out[extra] = node[extra]
                return out
            return {k: walk(v) for k, v in node.items()}
        if isinstance(node, list):
            return [walk(v) for v in node]
        return node

    schema = walk(schema)
    schema.setdefault("$defs", {}).update(shared)
    return schema


def write_schemas(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, model in SCHEMAS.items():
        path = folder / name
        path.write_text(json.dumps(schema_of(model), ensure_ascii=False, indent=2, sort_keys=True) + "\n",
                        encoding="utf-8")
        written.append(path)
    return written
