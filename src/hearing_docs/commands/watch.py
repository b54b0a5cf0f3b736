"""Watch: a content file in, its documents rebuilt on every save and a live preview out.

In: the content file, the output folder, the build options and a port.
Out: the documents of ``build.build``, written again after every change to the
content file, the files beside it (the signature image), or any template
folder it can use (templates, style sheet, theme, emblem); and an HTML preview
served on 127.0.0.1 that reloads itself when a build finishes. A build that
fails is reported through ``Reporter.failed`` and the watch goes on: the
preview keeps the last good page and shows the error above it.

Files are written by ``outputs.write_all``, so a viewer never opens a
half-written PDF. Changes in the output folder are not watched, or each build
would start the next.
"""

from __future__ import annotations

import dataclasses
import html
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from hearing_docs import build
from hearing_docs.errors import HearingDocsError
from hearing_docs.templateset import sets

VERSION_PATH = "/__version"
POLL_MS = 500

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


def serve(preview: Preview, port: int) -> ThreadingHTTPServer:
    """Serve ``preview`` on 127.0.0.1:``port`` (0: a free port) from a background thread."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            path = self.path.split("?", 1)[0]
            if path == "/":
                self._send(preview.page(), "text/html; charset=utf-8")
            elif path == VERSION_PATH:
                self._send(str(preview.version).encode(), "text/plain")
            elif (document := preview.documents.get(path.lstrip("/"))) and document.is_file():
                self._send(document.read_bytes(), _TYPES[document.suffix])
            else:
                self.send_error(404)

        def _send(self, body: bytes, kind: str) -> None:
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass  # a request log would bury the build lines

    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def watched_folders(content_path: Path, options: build.BuildOptions) -> list[Path]:
    """The content file's folder and every template root it may take templates from."""
    roots = sets.roots_for(content_path, list(options.template_dirs))
    folders: list[Path] = []
    for folder in [content_path.resolve().parent, *roots]:
        if not any(folder.is_relative_to(f) for f in folders):
            folders = [f for f in folders if not f.is_relative_to(folder)] + [folder]
    return folders


def rebuild(
    content_path: Path,
    out_dir: Path,
    options: build.BuildOptions,
    preview: Preview,
    reporter: Reporter,
) -> None:
    """One build: write the documents and update the preview, or report the error."""
    try:
        written = build.build(content_path, out_dir, options)
    except HearingDocsError as error:
        preview.update(None, error.one_line(), [])
        reporter.failed(error)
        return
    page = next((p for p in written if p.suffix == ".html"), None)
    text = page.read_text(encoding="utf-8") if page is not None else None
    preview.update(text, None, written)
    reporter.built(written)


def run(
    content_path: Path,
    out_dir: Path,
    options: build.BuildOptions,
    port: int,
    reporter: Reporter,
    stop: threading.Event | None = None,
) -> None:
    """Serve the preview, build once, then rebuild after every change until ``stop`` is set."""
    import watchfiles

    if "html" not in options.formats:
        options = dataclasses.replace(options, formats=(*options.formats, "html"))
    preview = Preview()
    server = serve(preview, port)
    try:
        reporter.serving(f"http://127.0.0.1:{server.server_address[1]}/")
        rebuild(content_path, out_dir, options, preview, reporter)
        ignore = watchfiles.DefaultFilter(ignore_paths=[out_dir.resolve()])
        for _changes in watchfiles.watch(
            *watched_folders(content_path, options),
            watch_filter=ignore,
            stop_event=stop,
            raise_interrupt=False,
        ):
            rebuild(content_path, out_dir, options, preview, reporter)
    finally:
        server.shutdown()
        server.server_close()
