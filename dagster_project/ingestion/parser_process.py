"""Read documents in a separate process that can be stopped: the time and memory budget.

A parser written in Python (pypdf) cannot be interrupted from inside: a crafted
file keeps it busy for minutes or makes it allocate gigabytes. So HTML, .docx and
.pdf files are read by a worker process, reused from file to file, under an
address-space limit; the scan waits `parse_seconds` for each answer and, when
none comes, kills the worker (the next file gets a fresh one) and quarantines
the file with the reason.

The worker is a fresh interpreter (about 0.1 s to start) that imports only the
readers: it inherits none of the caller's threads (Dagster's), open files or
`__main__`, and it runs the same code as the caller (its package folder comes
first on its path).
"""
from __future__ import annotations

import logging
import os
import resource
import signal
import subprocess
import sys
from multiprocessing.connection import Connection
from pathlib import Path
from types import TracebackType

import dagster_project
from dagster_project.extraction.models import DecodedText
from dagster_project.ingestion.budget import OverBudgetError, ParseBudget
from dagster_project.ingestion.documents import read_document
from dagster_project.ingestion.text import UndecodableError

_PACKAGE_ROOT = Path(dagster_project.__file__).resolve().parents[1]
# A worker left without its caller (the run was killed) stops after this much CPU
# time on one file, even before it sees that its request pipe is closed.
_ORPHAN_CPU_FACTOR = 3
# Starting takes about 0.1 s (imports); a worker not ready after this is stuck.
_START_SECONDS = 60


class ReaderCrashed(UndecodableError):
    """The worker died on a file in a way that is not a budget verdict (a bug, an OOM kill):
    the file is rejected for this run but read again on the next one."""


class ReaderUnavailable(RuntimeError):
    """The worker could not start: the environment is broken, not a file."""


class ParserProcess:
    """`read(name, data)` = `read_document(name, data, budget)`, run in the worker under the budget."""

    def __init__(self, budget: ParseBudget) -> None:
        self.budget = budget
        self._process: subprocess.Popen[bytes] | None = None
        self._requests: Connection | None = None
        self._answers: Connection | None = None
        self.started = 0  # workers started: one, plus one after each file that cost one

    def __enter__(self) -> ParserProcess:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()

    def read(self, name: str, data: bytes) -> DecodedText:
        requests, answers = self._worker()
        try:
            requests.send((name, data))
            answered = answers.poll(self.budget.parse_seconds)
        except OSError:
            answered = True  # the worker died before taking the file: recv says how
        if not answered:
            self._kill()
            raise OverBudgetError(
                f"over the parse-time budget: still reading after {self.budget.parse_seconds:g} s, stopped"
                " (raise PDX_PARSE_SECONDS if such a file is expected)"
            )
        try:
            status, payload = answers.recv()
        except (OSError, EOFError):
            raise ReaderCrashed(self._death_reason()) from None
        if status == "ok":
            return payload
        if status == "memory":
            self._kill()
            raise OverBudgetError(payload)
        raise UndecodableError(payload)

    def close(self) -> None:
        """End the worker: it exits when its request pipe closes."""
        for connection in (self._requests, self._answers):
            if connection is not None:
                connection.close()
        self._requests = self._answers = None
        if self._process is not None:
            try:
                self._process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
            self._process = None

    def _worker(self) -> tuple[Connection, Connection]:
        if self._process is not None and self._process.poll() is None and self._requests and self._answers:
            return self._requests, self._answers
        self.close()
        request_read, request_write = os.pipe()
        answer_read, answer_write = os.pipe()
        environment = dict(os.environ)
        environment["PYTHONPATH"] = os.pathsep.join(
            p for p in (str(_PACKAGE_ROOT), environment.get("PYTHONPATH", "")) if p
        )
        try:
            self._process = subprocess.Popen(
                [sys.executable, "-m", __name__, str(request_read), str(answer_write)],
                pass_fds=(request_read, answer_write),
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                env=environment,
            )
        finally:
            os.close(request_read)
            os.close(answer_write)
        self._requests = Connection(request_write, readable=False)
        self._answers = Connection(answer_read, writable=False)
        try:
            self._requests.send(self.budget)
            if not self._answers.poll(_START_SECONDS):
                self._process.kill()
            self._answers.recv()  # "ready": the readers are imported
        except (OSError, EOFError):
            code = self._process.wait()
            self.close()
            raise ReaderUnavailable(
                f"the document reader process did not start (exit code {code}; its error is above):"
                f" check that `{sys.executable} -m {__name__}` runs in this environment"
            ) from None
        self.started += 1
        return self._requests, self._answers

    def _kill(self) -> None:
        if self._process is not None and self._process.poll() is None:
            self._process.kill()
        self.close()

    def _death_reason(self) -> str:
        process = self._process
        self.close()
        code = process.returncode if process is not None else None
        if code is not None and code < 0:
            how = signal.Signals(-code).name
            if -code == signal.SIGKILL:
                how += ", perhaps killed for using too much memory"
        else:
            how = f"exit code {code}"
        return f"the document reader crashed on this file ({how}): report the file as a bug"


def serve(requests: Connection, answers: Connection) -> None:
    """Worker loop: take the budget, then read each (name, data) and answer (status, text or reason)."""
    budget: ParseBudget = requests.recv()
    limit = budget.max_parser_memory_bytes
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    # pypdf logs every oddity of a damaged file; the verdict is the answer, not the log.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    answers.send(("ready", None))
    while True:
        try:
            name, data = requests.recv()
        except EOFError:
            return
        _limit_cpu_for_one_file(budget)
        try:
            answer: tuple[str, object] = ("ok", read_document(name, data, budget))
        except UndecodableError as exc:
            answer = ("rejected", str(exc))
        except MemoryError:
            answer = ("memory", f"over the memory budget: reading it needed more than {limit // 2**20:,} MiB")
        except Exception as exc:  # noqa: BLE001 - any reader failure is this file's verdict, not the run's
            answer = ("rejected", f"the document reader failed ({type(exc).__name__}: {exc}): report the file as a bug")
        del data
        answers.send(answer)
        if answer[0] == "memory":
            return  # a fresh worker for the next file


def _limit_cpu_for_one_file(budget: ParseBudget) -> None:
    """SIGXCPU ends the worker if this file takes far more CPU than its budget (when no one is
    left to stop it at the budget)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    used = int(usage.ru_utime + usage.ru_stime)
    allowed = used + int(_ORPHAN_CPU_FACTOR * budget.parse_seconds) + 1
    _, hard = resource.getrlimit(resource.RLIMIT_CPU)
    resource.setrlimit(resource.RLIMIT_CPU, (allowed if hard == resource.RLIM_INFINITY else min(allowed, hard), hard))


if __name__ == "__main__":
    serve(Connection(int(sys.argv[1]), writable=False), Connection(int(sys.argv[2]), readable=False))
