#!/usr/bin/env bash
# Set up hearing-docs on a Debian or Ubuntu machine, then build or test.
#
#   ./dev.sh build   set up, then build every content/*.yaml (and the folders of content/ with a hearing-docs.yaml) into output/
#   ./dev.sh test    set up, then run ruff (lint, format check), mypy and the tests
#
# Set-up: the system packages below through apt-get when run as root (without
# root, the missing ones are listed and the script carries on), a virtual
# environment in .venv, and hearing-docs with its test tools installed into it.
set -euo pipefail
cd "$(dirname "$0")"

SYSTEM_PACKAGES=(
  fonts-liberation2          # Liberation Serif: the metrics of Times New Roman (Latin, Cyrillic)
  fonts-hosny-amiri          # Amiri, a Naskh face for Arabic (0.6 MB download, 2.5 MB installed)
  fonts-noto-cjk             # Noto Serif CJK SC for Chinese (57 MB download, 89 MB installed)
  fontconfig                 # fc-match: finds the files of the theme's fonts for the glyph check
  libharfbuzz-subset0        # halves WeasyPrint's font-subsetting time
  libpango-1.0-0 libpangoft2-1.0-0   # WeasyPrint's text layout
  poppler-utils              # pdftotext, pdfinfo, pdffonts, pdftoppm: tests and README pictures
  qpdf                       # qpdf --check in the tests
  libreoffice-writer-nogui   # converts the DOCX to PDF in the parity tests
  python3-venv
)

say() { printf '%s\n' "$*" >&2; }

missing_packages() {
  local name
  for name in "${SYSTEM_PACKAGES[@]}"; do
    [[ $name == \#* ]] && continue
    dpkg-query -W -f='${Status}' "$name" 2>/dev/null | grep -q "install ok installed" || echo "$name"
  done
}

system_packages() {
  command -v dpkg-query >/dev/null || { say "not a Debian system: install the equivalents of: ${SYSTEM_PACKAGES[*]}"; return; }
  mapfile -t missing < <(missing_packages)
  [ ${#missing[@]} -eq 0 ] && return
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    say "installing system packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    say "missing system packages (install them as root): sudo apt-get install --no-install-recommends ${missing[*]}"
    say "carrying on without them; the tests that need them will fail and say so"
  fi
}

python_env() {
  local python=${PYTHON:-python3}
  "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' ||
    { say "hearing-docs needs Python 3.11 or newer; set PYTHON=/path/to/python3.11"; exit 1; }
  [ -x .venv/bin/python ] || "$python" -m venv .venv
  local stamp=.venv/.hearing-docs-installed
  if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
    say "installing hearing-docs and its test tools into .venv"
    .venv/bin/python -m pip install -q --upgrade pip
    .venv/bin/python -m pip install -q -e '.[test]'
    touch "$stamp"
  fi
  # Byte-compile the package as pip does for an installed one: an editable install is
  # otherwise compiled again at every start where PYTHONDONTWRITEBYTECODE is set.
  .venv/bin/python -m compileall -q src >/dev/null
}

case "${1:-}" in
  build)
    system_packages
    python_env
    .venv/bin/hearing-docs build "${@:2}"
    ;;
  test)
    system_packages
    python_env
    .venv/bin/ruff check src tests scripts
    .venv/bin/ruff format --check src tests scripts
    .venv/bin/mypy               # type-checks src/ (settings in pyproject.toml)
    .venv/bin/python -m pytest "${@:2}"
    ;;
  *)
    say "usage: ./dev.sh build [hearing-docs build options] | ./dev.sh test [pytest options]"
    exit 2
    ;;
esac
