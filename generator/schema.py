"""JSON Schema export of the content model, so editors validate YAML as people type."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from .model import Department, Regions, Site, YearReport

SCHEMAS: dict[str, type[BaseModel]] = {
    "year.schema.json": YearReport,
    "department.schema.json": Department,
    "regions.schema.json": Regions,
    "site.schema.json": Site,
}


def schema_of(model: type[BaseModel]) -> dict:
    schema = model.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
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
