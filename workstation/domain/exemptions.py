"""Exemption (reason) codes: NY FOIL §87(2)(a)-(j), FOIA (b)(6)/(b)(7)(C), NYC Admin Code §23-1202, EO 34/41.

Loaded from ``resources/exemptions.toml``: the catalogue of codes (label, set, citation, summary), the code set per
recipient type and the default code per recipient and category. A code string may combine several codes joined
with "; " (``"87(2)(b); EO 34/41"``); the first one is the short code stamped inside the redaction box.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from workstation.domain.categories import ALL
from workstation.domain.disclosure import RecipientType
from workstation.domain.errors import ConfigurationError
from workstation.paths import RESOURCES

DEFAULT_EXEMPTIONS_FILE = RESOURCES / "exemptions.toml"
CODE_SETS = ("FOIL", "FOIA", "NYC")


@dataclass(frozen=True)
class ExemptionCode:
    label: str  # "87(2)(b)", "(b)(7)(C)", "AC 23-1202", "EO 34/41"
    code_set: str  # FOIL | FOIA | NYC
    citation: str
    summary: str


def split_codes(code: str) -> list[str]:
    """The individual codes of a combined code string ("87(2)(b); EO 34/41" -> ["87(2)(b)", "EO 34/41"])."""
    return [c.strip() for c in code.split(";") if c.strip()]


def short_code(code: str) -> str:
    """The code stamped inside a redaction box: the first of a combined code string."""
    parts = split_codes(code)
    return parts[0] if parts else ""


@dataclass(frozen=True)
class ExemptionCatalog:
    codes: Mapping[str, ExemptionCode]
    sets: Mapping[RecipientType, str] = field(default_factory=dict)
    defaults: Mapping[RecipientType, Mapping[str, str]] = field(default_factory=dict)

    @classmethod
    def from_file(cls, path: Path = DEFAULT_EXEMPTIONS_FILE) -> ExemptionCatalog:
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise ConfigurationError(f"{path}: cannot read exemption codes: {exc}") from None
        codes: dict[str, ExemptionCode] = {}
        for label, entry in data.get("codes", {}).items():
            code_set = str(entry.get("set", ""))
            if code_set not in CODE_SETS:
                raise ConfigurationError(f"{path}: code {label!r} has unknown set {code_set!r}")
            if not entry.get("summary") or not entry.get("citation"):
                raise ConfigurationError(f"{path}: code {label!r} needs a citation and a summary")
            codes[label] = ExemptionCode(label, code_set, str(entry["citation"]), str(entry["summary"]))
        sets: dict[RecipientType, str] = {}
        for name, code_set in data.get("sets", {}).items():
            sets[_recipient(path, name)] = str(code_set)
        defaults: dict[RecipientType, dict[str, str]] = {}
        for name, table in data.get("defaults", {}).items():
            defaults[_recipient(path, name)] = {str(k): str(v) for k, v in table.items()}
        catalog = cls(codes, sets, defaults)
        problems = catalog.problems()
        if problems:
            raise ConfigurationError(f"{path}: {problems[0]}")
        return catalog

    def problems(self) -> list[str]:
        """Inconsistencies: unknown codes in defaults, categories or recipients without a default."""
        out = []
        for recipient in RecipientType:
            if recipient not in self.sets:
                out.append(f"no code set for recipient {recipient.value!r}")
            table = self.defaults.get(recipient, {})
            for category in ALL:
                if category not in table:
                    out.append(f"no default code for {category} to {recipient.value!r}")
            for category, code in table.items():
                if category not in ALL:
                    out.append(f"unknown category {category!r} in defaults for {recipient.value!r}")
                out.extend(self.unknown(code))
        return out

    def unknown(self, code: str) -> list[str]:
        """One message per component of ``code`` that is not in the catalogue (empty code included)."""
        parts = split_codes(code)
        if not parts:
            return ["empty exemption code"]
        return [f"unknown exemption code {p!r}" for p in parts if p not in self.codes]

    def default_code(self, recipient: RecipientType, category: str) -> str:
        return self.defaults.get(recipient, {}).get(category, "")

    def code_set(self, recipient: RecipientType) -> str:
        return self.sets.get(recipient, "")

    def in_set(self, code_set: str) -> list[ExemptionCode]:
        return [c for c in self.codes.values() if c.code_set == code_set]

    def choices(self, recipient: RecipientType) -> list[ExemptionCode]:
        """The codes a reviewer may pick for this recipient: its set first, then the NYC codes."""
        primary = self.code_set(recipient)
        return self.in_set(primary) + [c for c in self.codes.values() if c.code_set != primary and c.code_set == "NYC"]

    def justification(self, code: str) -> str:
        """The text summaries of a (combined) code, for the Vaughn index."""
        return " ".join(f"{c}: {self.codes[c].summary}" for c in split_codes(code) if c in self.codes)


def _recipient(path: Path, name: str) -> RecipientType:
    try:
        return RecipientType(name)
    except ValueError:
        raise ConfigurationError(f"{path}: unknown recipient type {name!r}") from None
