"""A real HTTP server for webhook tests: records POST bodies and answers with the
status codes it is told to, in order (then 200)."""
from __future__ import annotations

import threading
from collections import deque
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

MAX_BODY_BYTES = 10 * 1024 * 1024


@dataclass(frozen=True)
class ReceivedRequest:
    path: str
    content_type: str | None
    body: bytes


class _RecordingHandler(BaseHTTPRequestHandler):
    server: RecordingHttpServer
    timeout = 5.0  # a silent client cannot hold a thread forever

    def do_POST(self) -> None:  # noqa: N802 - the name http.server dispatches to
        length = min(int(self.headers.get("Content-Length", "0")), MAX_BODY_BYTES)
        body = self.rfile.read(length)
        status = self.server.record(ReceivedRequest(self.path, self.headers.get("Content-Type"), body))
        self.send_response(status)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass  # keep test output clean


class RecordingHttpServer(ThreadingHTTPServer):
    """`with RecordingHttpServer(statuses=[500, 500]) as server:` on 127.0.0.1:<free port>."""

    daemon_threads = True

    def __init__(self, statuses: list[int] | None = None) -> None:
        super().__init__(("127.0.0.1", 0), _RecordingHandler)
        self._lock = threading.Lock()
        self._statuses = deque(statuses or [])
        self._requests: list[ReceivedRequest] = []
        self._thread = threading.Thread(target=self.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/hook"

    @property
    def requests(self) -> list[ReceivedRequest]:
        with self._lock:
            return list(self._requests)

    def answer_next(self, *statuses: int) -> None:
        with self._lock:
            self._statuses.extend(statuses)

    def record(self, request: ReceivedRequest) -> int:
        with self._lock:
            self._requests.append(request)
            return self._statuses.popleft() if self._statuses else 200

    def __enter__(self) -> RecordingHttpServer:
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.shutdown()
        self.server_close()
        self._thread.join(timeout=5)
