"""Watch: a content file in, its documents rebuilt on every save and a live preview out.

In: the content file, the output folder, the build options and a port.
Out: the documents of ``hearing_docs.build``, written again after every change to the
content file, the files beside it (the signature image), or any template
folder it can use (templates, style sheet, theme, emblem); and an HTML preview
served on 127.0.0.1 that reloads itself when a build finishes. A build that
fails is reported through ``Reporter.failed`` and the watch goes on: the
preview keeps the last good page and shows the error above it.

Files are written by ``files.write_all``, so a viewer never opens a
half-written PDF. Changes to the documents the watch writes (and to their
temporary files) are not watched, or each build would start the next; every
other file is, even when the output folder is the content folder.

The preview answers only requests addressed to it (``Host`` 127.0.0.1,
localhost or [::1] with its port), so a web page that rebinds its own name to
127.0.0.1 cannot read the documents. A connection that stays idle is closed
after ``IDLE_SECONDS``, at most ``MAX_CONNECTIONS`` are served at once, and a
viewer that drops its connection is not an error.
"""

from __future__ import annotations

import html
import sys
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import cast

import watchfiles

import hearing_docs
from hearing_docs.errors import HearingDocsError
from hearing_docs.output import FORMATS, manifest
from hearing_docs.output.files import PART_SUFFIX
from hearing_docs.templateset import sets

VERSION_PATH = "/__version"
POLL_MS = 500
WAKE_MS = 200
"""How often the watcher wakes up without a change (it builds on the first one)."""
IDLE_SECONDS = 10.0
"""A connection that sends nothing for this long is closed (a browser reconnects)."""
MAX_CONNECTIONS = 32
"""Connections served at once; more are closed at once, so idle ones cannot use up the
process's files and make the preview unreachable."""

# Polls the version of the preview and reloads the page when it changes.
_RELOAD = """<script>
(function () {
  var shown = "%s";
  setInterval(function () {
    fetch("%s", {cache: "no-store"}).then(function (r) { return r.text(); })
      .then(function (v) { if (v !== shown) { location.reload(); } })
      .catch(function () {});
  }, %d);
})();
</script>
"""
_BANNER = (
    '<div role="alert" style="position:sticky;top:0;z-index:9;padding:8pt 12pt;'
    'background:#b00020;color:#fff;font:12pt sans-serif;white-space:pre-wrap">%s</div>'
)
_WAITING = (
    "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Building…</title></head>"
    "<body></body></html>"
)
_TYPES = {
    ".pdf": "application/pdf",
    ".html": "text/html; charset=utf-8",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


@dataclass(frozen=True)
class Reporter:
    """What the watch tells its caller (the command line prints it)."""

    serving: Callable[[str], None]
    built: Callable[[list[Path]], None]
    failed: Callable[[HearingDocsError], None]


@dataclass
class Preview:
    """The page the server shows: the last good HTML, the last error, a version."""

    html: str = _WAITING
    error: str | None = None
    version: int = 0
    documents: dict[str, Path] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def page(self) -> bytes:
        with self.lock:
            text, error, version = self.html, self.error, self.version
        extra = _RELOAD % (version, VERSION_PATH, POLL_MS)
        if error is not None:
            extra = _BANNER % html.escape(f"Error: {error}") + extra
        end = text.rfind("</body>")
        end = len(text) if end < 0 else end
        return f"{text[:end]}{extra}{text[end:]}".encode()

    def update(self, page: str | None, error: str | None, documents: list[Path]) -> None:
        with self.lock:
            if page is not None:
                self.html = page
            self.error = error
            self.documents.update({path.name: path for path in documents})
            self.version += 1


def serve(preview: Preview, port: int, idle_seconds: float = IDLE_SECONDS) -> ThreadingHTTPServer:
    """Serve ``preview`` on 127.0.0.1:``port`` (0: a free port) from a background thread."""

    class Handler(BaseHTTPRequestHandler):
        timeout = idle_seconds  # applied to the socket: reading a request, and writing it

        def do_GET(self) -> None:
            if not self._addressed_to_us():
                self.send_error(403, "the preview answers to 127.0.0.1, localhost and [::1] only")
                return
            path = self.path.split("?", 1)[0]
            if path == "/":
                self._send(preview.page(), "text/html; charset=utf-8")
            elif path == VERSION_PATH:
                self._send(str(preview.version).encode(), "text/plain")
            elif (document := preview.documents.get(path.lstrip("/"))) and document.is_file():
                self._send(document.read_bytes(), _TYPES[document.suffix])
            else:
                self.send_error(404)

        def _addressed_to_us(self) -> bool:
            # A DNS-rebinding page reaches 127.0.0.1 under its own name, which the
            # browser sends as the Host: only our own names, with our port, are answered.
            own_port = cast(tuple[str, int], self.server.server_address)[1]
            host = (self.headers.get("Host") or "").strip().lower()
            return host in {f"{name}:{own_port}" for name in ("127.0.0.1", "localhost", "[::1]")}

        def _send(self, body: bytes, kind: str) -> None:
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass  # a request log would bury the build lines

    server = _PreviewServer(("127.0.0.1", port), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


class _PreviewServer(ThreadingHTTPServer):
    """A threading server that bounds its connections and takes dropped ones quietly."""

    daemon_threads = True
    request_queue_size = 128  # a burst of connections waits for a slot instead of being refused

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._slots = threading.BoundedSemaphore(MAX_CONNECTIONS)

    def process_request(self, request, client_address) -> None:
        if not self._slots.acquire(blocking=False):
            self.shutdown_request(request)  # full: the client may try again
            return
        super().process_request(request, client_address)

    def process_request_thread(self, request, client_address) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            self._slots.release()

    def handle_error(self, request, client_address) -> None:
        # A viewer that closes its tab mid-download, or a connection timed out while
        # writing: nothing to report. Anything else is a fault worth a trace.
        error = sys.exc_info()[1]
        if not isinstance(error, ConnectionError | TimeoutError):
            super().handle_error(request, client_address)


@dataclass(frozen=True)
class Build:
    """What every rebuild asks of ``hearing_docs.build``: the formats and template folders."""

    formats: tuple[str, ...] = FORMATS
    templates: tuple[Path, ...] = ()


def watched_folders(content_path: Path, build: Build) -> list[Path]:
    """The content file's folder and every template root it may take templates from."""
    roots = sets.roots_for(content_path, list(build.templates))
    folders: list[Path] = []
    for folder in [content_path.resolve().parent, *roots]:
        if not any(folder.is_relative_to(f) for f in folders):
            folders = [f for f in folders if not f.is_relative_to(folder)] + [folder]
    return folders


def rebuild(
    content_path: Path,
    out_dir: Path,
    build: Build,
    preview: Preview,
    reporter: Reporter,
) -> None:
    """One build: write the documents and update the preview, or report the error."""
    try:
        written = list(
            hearing_docs.build(content_path, out_dir, build.formats, templates=build.templates)
        )
    except HearingDocsError as error:
        preview.update(None, error.one_line(), [])
        reporter.failed(error)
        return
    page = next((p for p in written if p.suffix == ".html"), None)
    text = page.read_text(encoding="utf-8") if page is not None else None
    preview.update(text, None, written)
    reporter.built(written)


class _NotOurOutputs(watchfiles.DefaultFilter):
    """watchfiles' default filter, that also skips the documents a build writes.

    Only those files, the build's manifest and their temporary files: the output
    folder may be the content folder, whose other files must still start a build.
    """

    def __init__(self, out_dir: Path, names: list[str]) -> None:
        super().__init__()
        self.out_dir = out_dir
        self.names = names

    def __call__(self, change: watchfiles.Change, path: str) -> bool:
        changed = Path(path)
        if changed == self.out_dir:
            return False  # made by the first build
        if changed.parent == self.out_dir and changed.name.startswith(manifest.NAME):
            return False  # the manifest of the build, or its temporary file
        if changed.parent == self.out_dir and any(
            changed.name == name
            or (changed.name.startswith(f".{name}.") and changed.name.endswith(PART_SUFFIX))
            for name in self.names
        ):
            return False
        return super().__call__(change, path)


def run(
    content_path: Path,
    out_dir: Path,
    port: int,
    reporter: Reporter,
    formats: Sequence[str] = FORMATS,
    templates: Sequence[Path] = (),
    stop: threading.Event | None = None,
) -> None:
    """Serve the preview, build once, then rebuild after every change until ``stop`` is set.

    ``formats`` and ``templates`` are those of ``hearing_docs.build``; the HTML is
    always built, for the preview.
    """
    if "html" not in formats:
        formats = (*formats, "html")
    build = Build(tuple(formats), tuple(templates))
    preview = Preview()
    server = serve(preview, port)
    try:
        reporter.serving(f"http://127.0.0.1:{server.server_address[1]}/")
        ours = _NotOurOutputs(
            out_dir.resolve(), [f"{content_path.stem}.{kind}" for kind in build.formats]
        )
        built = False
        # The first build waits for the watcher's first (empty) wake-up, so that a save
        # made while it runs is seen; later wake-ups without a change are skipped.
        for changes in watchfiles.watch(
            *watched_folders(content_path, build),
            watch_filter=ours,
            stop_event=stop,
            raise_interrupt=False,
            rust_timeout=WAKE_MS,
            yield_on_timeout=True,
        ):
            if changes or not built:
                rebuild(content_path, out_dir, build, preview, reporter)
                built = True
    finally:
        server.shutdown()
        server.server_close()
