"""A minimal SMTP server for tests: enough of RFC 5321 for smtplib to deliver to it
(EHLO/HELO, AUTH PLAIN, MAIL FROM, RCPT TO, DATA, RSET, NOOP, QUIT), recording every
message it accepts. aiosmtpd would do this, but dependencies must not change."""
from __future__ import annotations

import base64
import email
import socketserver
import threading
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.policy import default as default_policy
from typing import cast

MAX_LINE_BYTES = 64 * 1024
MAX_MESSAGE_BYTES = 10 * 1024 * 1024
SOCKET_TIMEOUT_SECONDS = 5.0


@dataclass(frozen=True)
class ReceivedMessage:
    sender: str
    recipients: tuple[str, ...]
    data: bytes
    login: tuple[str, str] | None

    @property
    def message(self) -> EmailMessage:
        return cast(EmailMessage, email.message_from_bytes(self.data, policy=default_policy))


@dataclass
class _Envelope:
    sender: str | None = None
    recipients: list[str] = field(default_factory=list)


def _address(argument: str) -> str:
    # "FROM:<a@b> SIZE=12" -> "a@b"
    value = argument.split(":", 1)[1].strip() if ":" in argument else argument
    return value.split(">", 1)[0].lstrip("<").strip()


class _SmtpHandler(socketserver.StreamRequestHandler):
    timeout = SOCKET_TIMEOUT_SECONDS  # a silent client cannot hold a thread forever
    server: SmtpServer

    def handle(self) -> None:
        self.envelope = _Envelope()
        self.login: tuple[str, str] | None = None
        self._reply("220 localhost test SMTP ready")
        while True:
            line = self.rfile.readline(MAX_LINE_BYTES)
            if not line:
                return
            verb, _, argument = line.decode("utf-8", "replace").rstrip("\r\n").partition(" ")
            if not self._command(verb.upper(), argument):
                return

    def _reply(self, text: str) -> None:
        self.wfile.write(text.encode("utf-8") + b"\r\n")
        self.wfile.flush()

    def _command(self, verb: str, argument: str) -> bool:
        """False when the session is over."""
        if verb == "EHLO":
            self._reply("250-localhost\r\n250-AUTH PLAIN\r\n250 8BITMIME")
        elif verb == "HELO":
            self._reply("250 localhost")
        elif verb == "AUTH":
            self._auth(argument)
        elif verb == "MAIL":
            self.envelope = _Envelope(sender=_address(argument))
            self._reply("250 OK")
        elif verb == "RCPT":
            self.envelope.recipients.append(_address(argument))
            self._reply("250 OK")
        elif verb == "DATA":
            self._data()
        elif verb == "RSET":
            self.envelope = _Envelope()
            self._reply("250 OK")
        elif verb == "NOOP":
            self._reply("250 OK")
        elif verb == "QUIT":
            self._reply("221 bye")
            return False
        else:
            self._reply("502 command not implemented")
        return True

    def _auth(self, argument: str) -> None:
        mechanism, _, initial = argument.partition(" ")
        if mechanism.upper() != "PLAIN" or not initial:
            self._reply("504 only AUTH PLAIN with an initial response")
            return
        _, user, password = base64.b64decode(initial).decode("utf-8").split("\0")
        self.login = (user, password)
        self._reply("235 authenticated")

    def _data(self) -> None:
        if self.envelope.sender is None or not self.envelope.recipients:
            self._reply("503 MAIL and RCPT first")
            return
        self._reply("354 end with <CRLF>.<CRLF>")
        lines: list[bytes] = []
        size = 0
        while size <= MAX_MESSAGE_BYTES:
            line = self.rfile.readline(MAX_LINE_BYTES)
            if not line or line in (b".\r\n", b".\n"):
                break
            # The client doubles a leading dot (dot-stuffing); undo it.
            lines.append(line[1:] if line.startswith(b"..") else line)
            size += len(line)
        self.server.record(
            ReceivedMessage(
                sender=self.envelope.sender,
                recipients=tuple(self.envelope.recipients),
                data=b"".join(lines),
                login=self.login,
            )
        )
        self.envelope = _Envelope()
        self._reply("250 OK queued")


class SmtpServer(socketserver.ThreadingTCPServer):
    """`with SmtpServer() as server:` listens on 127.0.0.1:<free port> in a thread."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, host: str = "127.0.0.1", port: int = 0) -> None:
        super().__init__((host, port), _SmtpHandler)
        self._lock = threading.Lock()
        self._messages: list[ReceivedMessage] = []
        self._thread = threading.Thread(target=self.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    @property
    def host(self) -> str:
        return str(self.server_address[0])

    @property
    def port(self) -> int:
        return int(self.server_address[1])

    @property
    def messages(self) -> list[ReceivedMessage]:
        with self._lock:
            return list(self._messages)

    def record(self, message: ReceivedMessage) -> None:
        with self._lock:
            self._messages.append(message)

    def __enter__(self) -> SmtpServer:
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.shutdown()
        self.server_close()
        self._thread.join(timeout=5)
