"""PDX_TIMINGS_FILE: the stage times `make bench` reads."""
from __future__ import annotations

import json
from pathlib import Path

from dagster_project import timings


def test_stages_add_up_and_publish_excludes_its_companions(tmp_path: Path) -> None:
    timings.reset()
    timings.record("dbt", 2.0)
    timings.record("dbt", 1.5)
    timings.record("publish", 1.0)  # the whole publish step...
    timings.record("export", 0.25)  # ...which wrote the export and the report page
    timings.record("report", 0.25)
    path = tmp_path / "deep" / "timings.json"
    timings.write(path, 9.0)
    data = json.loads(path.read_text())
    assert data["stages"] == {"dbt": 3.5, "publish": 0.5, "export": 0.25, "report": 0.25}
    assert data["total"] == 9.0 and data["skipped"] is False
    timings.reset()
    assert timings.stages() == {}
