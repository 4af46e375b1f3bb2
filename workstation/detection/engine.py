"""Construction of the one Presidio ``AnalyzerEngine`` the workstation uses, fully offline.

The engine is built once (by the CLI or ``app.py``) and passed to whatever needs it. It loads the pinned spaCy
model from its verified directory (never downloads), registers only the recognizers that suit case documents
(the project's own plus a few of Presidio's, see ``resources/detection.toml``) and applies a score threshold
per entity type.
"""

from __future__ import annotations

import importlib
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from presidio_analyzer import AnalyzerEngine, EntityRecognizer, RecognizerRegistry
from presidio_analyzer.context_aware_enhancers import ContextAwareEnhancer
from presidio_analyzer.nlp_engine import NerModelConfiguration, SpacyNlpEngine
from presidio_analyzer.predefined_recognizers import PhoneRecognizer, SpacyRecognizer, UsSsnRecognizer
from spacy.language import Language

from workstation.detection.model import ModelInfo, verified_model
from workstation.detection.offline import OfflineEmailRecognizer
from workstation.detection.person_filters import not_a_person
from workstation.detection.person_lexicon import NAME_SUFFIX
from workstation.detection.social_media_handle_recognizer import only_platforms
from workstation.domain.model import Detection
from workstation.domain.overlaps import resolve_overlaps
from workstation.paths import RESOURCES

# The project's recognizers: (module in workstation.detection, class name). One recognizer per module.
PROJECT_RECOGNIZERS: tuple[tuple[str, str], ...] = (
    ("nationality_recognizer", "NationalityRecognizer"),
    ("immigration_status_recognizer", "ImmigrationStatusRecognizer"),
    ("a_number_recognizer", "ANumberRecognizer"),
    ("uscis_receipt_recognizer", "UscisReceiptRecognizer"),
    ("i94_recognizer", "I94Recognizer"),
    ("sevis_recognizer", "SevisRecognizer"),
    ("passport_recognizer", "PassportRecognizer"),
    ("address_recognizer", "AddressRecognizer"),
    ("person_recognizer", "PersonContextRecognizer"),
    ("date_of_birth_recognizer", "DateOfBirthRecognizer"),
    ("ssn_recognizer", "SsnContextRecognizer"),
    ("social_media_handle_recognizer", "SocialMediaHandleRecognizer"),
    ("vehicle_plate_recognizer", "VehiclePlateRecognizer"),
    ("lettered_phone_recognizer", "LetteredPhoneRecognizer"),
)

CONFIG_PATH = RESOURCES / "detection.toml"


@dataclass(frozen=True)
class DetectionConfig:
    default_threshold: float = 0.35
    thresholds: dict[str, float] = field(default_factory=dict)
    presidio_keep: tuple[str, ...] = ("EMAIL_ADDRESS", "PHONE_NUMBER", "US_SSN", "PERSON")
    disable_pipes: tuple[str, ...] = ()
    enable_pipes: tuple[str, ...] = ()

    @classmethod
    def load(cls, path: Path = CONFIG_PATH) -> DetectionConfig:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        return cls(
            default_threshold=float(data.get("default_threshold", 0.35)),
            thresholds={k: float(v) for k, v in data.get("thresholds", {}).items()},
            presidio_keep=tuple(data.get("presidio", {}).get("keep", cls.presidio_keep)),
            disable_pipes=tuple(data.get("spacy", {}).get("disable", ())),
            enable_pipes=tuple(data.get("spacy", {}).get("enable", ())),
        )

    def threshold(self, entity_type: str) -> float:
        return self.thresholds.get(entity_type, self.default_threshold)

    @property
    def entities(self) -> list[str]:
        return sorted(self.thresholds)


def _ner_configuration() -> NerModelConfiguration:
    # Only spaCy's PERSON label becomes a finding directly; GPE/NORP/FAC/DATE are used by the project's
    # recognizers through the parse, not reported as LOCATION/NRP/DATE_TIME findings.
    return NerModelConfiguration(
        model_to_presidio_entity_mapping={"PERSON": "PERSON", "PER": "PERSON"},
        labels_to_ignore=["GPE", "LOC", "NORP", "FAC", "ORG", "DATE", "TIME", "CARDINAL", "MONEY", "QUANTITY",
                          "ORDINAL", "PERCENT", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE"],
        low_score_entity_names=[],
    )


def project_recognizers() -> list[EntityRecognizer]:
    out: list[EntityRecognizer] = []
    for module_name, class_name in PROJECT_RECOGNIZERS:
        module = importlib.import_module(f"workstation.detection.{module_name}")
        out.append(getattr(module, class_name)())
    return out


def presidio_recognizers(keep: Iterable[str]) -> list[EntityRecognizer]:
    keep = set(keep)
    out: list[EntityRecognizer] = []
    if "EMAIL_ADDRESS" in keep:
        out.append(OfflineEmailRecognizer())
    if "PHONE_NUMBER" in keep:
        # US numbers; international numbers written with "+" and a country code are found whatever the region
        # (each extra region costs a full pass of the phonenumbers matcher: 9 regions were 40% of detection time).
        out.append(PhoneRecognizer(supported_regions=("US",)))
    if "US_SSN" in keep:
        out.append(UsSsnRecognizer())
    if "PERSON" in keep:
        out.append(SpacyRecognizer(supported_entities=["PERSON"]))
    return out


class _NoLemmaContext(ContextAwareEnhancer):
    """Presidio's lemma-based context boost is not used.

    The project's recognizers score their own context (labels before a number, table headers, trigger phrases)
    and the kept Presidio recognizers already score above the thresholds without a boost (phone 0.4, delimited
    SSN 0.5, e-mail 1.0; bare nine digits after an SSN label come from ``SsnContextRecognizer``). The boost cost a
    quarter of the analysis time (it deep-copies every result), for no change in what is reported.
    Recognizer-level ``enhance_using_context`` (used by ``PersonContextRecognizer``) still runs.
    """

    def __init__(self) -> None:
        super().__init__(context_similarity_factor=0.0, min_score_with_context_similarity=0.0,
                         context_prefix_count=0, context_suffix_count=0)

    def enhance_using_context(self, text, raw_results, nlp_artifacts, recognizers, context=None):  # noqa: ANN001
        return raw_results


class DetectionEngine:
    """One analyzer over the pinned spaCy model; returns domain ``Detection``s."""

    def __init__(self, model: ModelInfo | None = None, config: DetectionConfig | None = None,
                 recognizers: Sequence[EntityRecognizer] | None = None) -> None:
        self.model = model or verified_model()
        self.config = config or DetectionConfig.load()
        self.nlp_engine = SpacyNlpEngine(
            models=[{"lang_code": "en", "model_name": str(self.model.path)}],
            ner_model_configuration=_ner_configuration(),
        )
        self.nlp_engine.load()
        nlp = self.nlp_engine.get_nlp("en")
        for name in self.config.disable_pipes:
            nlp.disable_pipe(name)
        for name in self.config.enable_pipes:
            nlp.enable_pipe(name)
        registry = RecognizerRegistry(supported_languages=["en"])
        if recognizers is None:
            recognizers = [*project_recognizers(), *presidio_recognizers(self.config.presidio_keep)]
        for recognizer in recognizers:
            registry.add_recognizer(recognizer)
        self.recognizers = list(recognizers)
        self.analyzer = AnalyzerEngine(registry=registry, nlp_engine=self.nlp_engine, supported_languages=["en"],
                                       default_score_threshold=0.0, context_aware_enhancer=_NoLemmaContext())

    @property
    def nlp(self) -> Language:
        return self.nlp_engine.get_nlp("en")

    def versions(self) -> dict[str, str]:
        """What produced the findings, for audit records."""
        import presidio_analyzer
        import spacy

        return {
            "model": f"{self.model.name}=={self.model.version}",
            "model_manifest_sha256": self.model.manifest_sha256,
            "spacy": spacy.__version__,
            "spacy_pipes": ",".join(self.nlp.pipe_names),
            "presidio_analyzer": getattr(presidio_analyzer, "__version__", "2.2.366"),
            "recognizers": ",".join(
                f"{getattr(r, 'name', type(r).__name__)}:{getattr(r, 'version', '')}" for r in self.recognizers
            ),
        }

    def _convert(self, results, text: str) -> list[Detection]:
        detections = []
        for r in results:
            if r.entity_type not in self.config.thresholds:
                continue
            if r.score < self.config.threshold(r.entity_type):
                continue
            if r.entity_type == "PERSON" and only_platforms(text[r.start : r.end]):
                continue  # "His Instagram is @x": spaCy's PERSON "Instagram"
            if r.entity_type == "PERSON" and not_a_person(text, r.start, r.end):
                continue  # "Albuquerque, New Mexico", "Stewart Detention Center", "Per Curiam"
            name = ""
            if r.recognition_metadata:
                name = r.recognition_metadata.get("recognizer_name", "")
            end = r.end
            if r.entity_type == "PERSON":  # "ERIC H. HOLDER, JR.", "Jefferson B. Sessions III": the suffix too
                suffix = NAME_SUFFIX.match(text, end)
                end = suffix.end() if suffix else end
            detections.append(Detection(r.start, end, r.entity_type, float(r.score), name))
        return resolve_overlaps(detections)

    def analyze(self, text: str) -> list[Detection]:
        if not text.strip():
            return []
        results = self.analyzer.analyze(text=text, language="en", entities=self.config.entities)
        return self._convert(results, text)

    def analyze_many(self, texts: Sequence[str], batch_size: int = 16) -> list[list[Detection]]:
        """Analyze several texts, running spaCy over them in batches (``nlp.pipe``)."""
        out: list[list[Detection]] = [[] for _ in texts]
        idx = [i for i, t in enumerate(texts) if t.strip()]
        batch = self.nlp_engine.process_batch([texts[i] for i in idx], "en", batch_size=batch_size)
        for i, item in zip(idx, batch, strict=True):
            text, artifacts = item[0], item[1]
            results = self.analyzer.analyze(text=text, language="en", entities=self.config.entities,
                                            nlp_artifacts=artifacts)
            out[i] = self._convert(results, text)
        return out
