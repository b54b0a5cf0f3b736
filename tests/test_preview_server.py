"""The preview server of hearing-docs watch, run in this process: it answers only to
its own names, closes idle connections, and takes dropped ones without a trace."""

from __future__ import annotations

import http.client
import socket
import struct
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from hearing_docs.commands import watch

pytestmark = pytest.mark.slow

WAIT = 60.0  # seconds any one step may take before the test fails


@pytest.fixture
def preview(tmp_path: Path) -> watch.Preview:
    document = tmp_path / "hearing.docx"
    document.write_bytes(b"PK" + b"\x01" * (8 * 1024 * 1024))  # large enough to outlast a drop
    shown = watch.Preview()
    shown.update("<html><body><p>the letter</p></body></html>", None, [document])
    return shown


@pytest.fixture
def server(preview: watch.Preview) -> Iterator[tuple[int, watch.Preview]]:
    running = watch.serve(preview, 0, idle_seconds=1.0)
    try:
        yield running.server_address[1], preview
    finally:
        running.shutdown()
        running.server_close()


def get(port: int, path: str, host: str | None) -> tuple[int, bytes]:
    """GET ``path`` with the Host header ``host`` (None: no Host header at all)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=WAIT)
    try:
        connection.putrequest("GET", path, skip_host=True)
        if host is not None:
            connection.putheader("Host", host)
        connection.endheaders()
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


@pytest.mark.parametrize("name", ["127.0.0.1", "localhost", "LOCALHOST", "[::1]"])
def test_the_preview_answers_to_its_own_names_with_its_port(
    server: tuple[int, watch.Preview], name: str
) -> None:
    port, _ = server
    status, body = get(port, "/hearing.docx", f"{name}:{port}")
    assert status == 200
    assert body.startswith(b"PK") and len(body) == 8 * 1024 * 1024 + 2
    status, body = get(port, "/", f"{name}:{port}")
    assert (status, b"the letter" in body) == (200, True)


@pytest.mark.parametrize(
    "host",
    ["attacker.example", "attacker.example:{port}", "localhost:1", "127.0.0.1", "", None],
)
def test_a_request_for_another_host_gets_nothing(
    server: tuple[int, watch.Preview], host: str | None
) -> None:
    """A DNS-rebinding page reaches 127.0.0.1 under its own name: it gets a 403, no document."""
    port, _ = server
    for path in ("/hearing.docx", "/", "/__version"):
        status, body = get(port, path, None if host is None else host.format(port=port))
        assert status == 403
        assert b"PK" not in body and b"the letter" not in body


def test_idle_connections_are_closed_and_do_not_lock_others_out(
    server: tuple[int, watch.Preview],
) -> None:
    port, _ = server
    idle = []
    try:
        for _ in range(1500):
            idle.append(socket.create_connection(("127.0.0.1", port), timeout=WAIT))
        # Every one of them is closed by the server (an empty read), none waits forever.
        for connection in idle:
            assert connection.recv(1024) == b""
        # And the preview still answers.
        assert get(port, "/__version", f"127.0.0.1:{port}") == (200, b"1")
    finally:
        for connection in idle:
            connection.close()


def test_a_dropped_connection_prints_nothing(
    server: tuple[int, watch.Preview], capfd: pytest.CaptureFixture[str]
) -> None:
    port, _ = server
    for _ in range(20):
        connection = socket.create_connection(("127.0.0.1", port), timeout=WAIT)
        request = f"GET /hearing.docx HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n"
        connection.sendall(request.encode())
        connection.recv(1024)  # the download has started
        # Close with a reset (SO_LINGER 0), as a browser tab that is closed mid-download.
        connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        connection.close()
    deadline = time.monotonic() + WAIT
    while any("process_request" in t.name for t in threading.enumerate()):
        assert time.monotonic() < deadline, "the server still serves the dropped requests"
        time.sleep(0.05)
    assert get(port, "/__version", f"127.0.0.1:{port}") == (200, b"1")
    captured = capfd.readouterr()
    assert captured.err == "" and captured.out == ""
