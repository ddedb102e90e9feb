"""The command line's step counter: each step with its time, warnings under it, nothing else."""

import io
import re
import sys

import dagster as dg

from dagster_project import progress


@dg.asset
def first(context: dg.AssetExecutionContext) -> None:
    context.log.info("chatter that stays in the log")


@dg.asset(deps=[first])
def second(context: dg.AssetExecutionContext) -> None:
    context.log.warning("a figure above 100 %")


def test_each_step_gets_a_counter_and_its_time_and_warnings_follow_it() -> None:
    out = io.StringIO()
    progress.set_output(out)
    try:
        job = dg.define_asset_job("two", selection=[first, second], executor_def=dg.in_process_executor)
        defs = dg.Definitions(assets=[first, second], jobs=[job], loggers={"progress": progress.progress_logger})
        result = defs.resolve_job_def("two").execute_in_process(
            run_config={"loggers": {"progress": {"config": {"total_steps": 2}}}},
            instance=dg.DagsterInstance.ephemeral(),
        )
    finally:
        progress.set_output(sys.stdout)
    assert result.success
    lines = out.getvalue().splitlines()
    assert re.fullmatch(r"\[1/2\] first \.+ \d+\.\d s", lines[0])
    assert lines[1].startswith("[2/2] second ") and lines[2] == "    ! a figure above 100 %"
    assert re.fullmatch(r"      second \.+ \d+\.\d s", lines[3])
    assert "chatter" not in out.getvalue() and "STEP_START" not in out.getvalue()
