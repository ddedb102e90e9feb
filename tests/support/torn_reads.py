"""Run some writers while a reader keeps parsing a JSON file; collect every torn read."""
from __future__ import annotations

import json
import threading
from collections.abc import Callable, Sequence
from pathlib import Path


def torn_reads_while(path: Path, writers: Sequence[Callable[[], None]]) -> list[str]:
    """Run each writer in its own thread while `path` is read and parsed in a loop; the
    parse errors seen (a reader that met half a file) once every writer is done."""
    torn: list[str] = []
    stop = threading.Event()

    def read_until_stopped() -> None:
        while not stop.is_set():
            try:
                json.loads(path.read_bytes())
            except ValueError as error:
                torn.append(str(error))

    reader = threading.Thread(target=read_until_stopped)
    reader.start()
    threads = [threading.Thread(target=write) for write in writers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    stop.set()
    reader.join()
    return torn
