"""prepare_manifest: one parse at a time, and the manifest appears whole (a fake dbt writes it slowly)."""
from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from dagster_dbt import DbtProject

from dagster_project import dbt_project as module
from tests.support.torn_reads import torn_reads_while


class _SlowDbt:
    """Writes the manifest in two halves, a pause between them, as a large real one may be."""

    parses = 0

    def __init__(self, **_: object) -> None:
        pass

    def cli(self, args: list[str], target_path: Path) -> _SlowDbt:
        type(self).parses += 1
        text = json.dumps({"nodes": {f"model.{i}": {"name": f"m{i}"} for i in range(2000)}})
        with (Path(target_path) / "manifest.json").open("w") as out:
            out.write(text[: len(text) // 2])
            out.flush()
            time.sleep(0.3)
            out.write(text[len(text) // 2 :])
        (Path(target_path) / "partial_parse.msgpack").write_bytes(b"state")
        return self

    def wait(self) -> None:
        pass


def test_two_parses_at_once_make_one_manifest_that_readers_only_see_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "models").mkdir()
    (tmp_path / "dbt_project.yml").write_text("name: x\n")
    project = DbtProject(project_dir=tmp_path, profiles_dir=tmp_path)
    target = tmp_path / project.target_path
    target.mkdir()
    (target / "manifest.json").write_text('{"nodes": {}}')
    time.sleep(0.05)
    (tmp_path / "models" / "m.sql").write_text("select 1")  # newer than the manifest: stale
    monkeypatch.setattr(module, "DbtCliResource", _SlowDbt)

    torn = torn_reads_while(target / "manifest.json", [lambda: module.prepare_manifest(project)] * 2)

    assert torn == []
    assert _SlowDbt.parses == 1  # the second waited for the first and found the manifest fresh
    assert len(json.loads((target / "manifest.json").read_text())["nodes"]) == 2000
    assert (target / "partial_parse.msgpack").read_bytes() == b"state"
    assert not list(target.glob(".parse-*"))
