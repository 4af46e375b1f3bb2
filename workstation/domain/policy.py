"""Disclosure policy: which categories are redacted and with which reason code."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from workstation.domain.errors import ConfigurationError
from workstation.domain.model import Finding


@dataclass(frozen=True)
class Policy:
    name: str
    reason_codes: dict[str, str] = field(default_factory=dict)  # category -> reason code; presence = redact
    # the redaction logs carry the keyed digest of each removed text (``include_text_digests = true``); by
    # default they carry none
    include_text_digests: bool = False
    # a page whose text cannot be verifiably removed is exported as an image of it, verified by OCR
    # (``flatten_unverifiable_pages``, default true); false: the export is refused (exit 3)
    flatten_unverifiable_pages: bool = True
    # each box of the exported PDF shows its exemption code ("87(2)(b)", "(b)(6)"), the FOIA/FOIL convention
    # (``print_exemption_codes``, default true); false: plain black boxes
    print_exemption_codes: bool = True

    @classmethod
    def from_file(cls, path: Path) -> Policy:
        """A ``[redact]`` table (``default.toml``), or a recipient policy (``resources/policies/<recipient>.toml``,
        whose categories not released by default are all redacted - see ``policy_engine``)."""
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        if "recipient" in data and "redact" not in data:
            from workstation.domain.policy_engine import load_policy_file

            return load_policy_file(path)
        try:
            digests = text_digests_flag(data)
            flatten = flatten_flag(data)
            codes = print_codes_flag(data)
        except ValueError as exc:
            raise ConfigurationError(f"{path}: {exc}") from None
        return cls(name=str(data.get("name", path.stem)),
                   reason_codes={str(k): str(v) for k, v in data.get("redact", {}).items()},
                   include_text_digests=digests, flatten_unverifiable_pages=flatten, print_exemption_codes=codes)

    def redacts(self, finding: Finding) -> bool:
        return finding.entity_type in self.reason_codes

    def reason_code(self, finding: Finding) -> str:
        return self.reason_codes.get(finding.entity_type, "")

    def short_code(self, finding: Finding) -> str:
        """The code stamped inside the redaction box (the first code of the reason)."""
        return self.reason_code(finding).split(";")[0].strip()


def text_digests_flag(data: dict[str, object] | object) -> bool:
    """A policy file's ``include_text_digests`` (false when absent; anything but true or false is refused)."""
    value = data.get("include_text_digests", False) if isinstance(data, dict) else False
    if not isinstance(value, bool):
        raise ValueError("include_text_digests must be true or false")
    return value


def print_codes_flag(data: dict[str, object] | object) -> bool:
    """A policy file's ``print_exemption_codes`` (true when absent; anything but true or false is refused)."""
    value = data.get("print_exemption_codes", True) if isinstance(data, dict) else True
    if not isinstance(value, bool):
        raise ValueError("print_exemption_codes must be true or false")
    return value


def flatten_flag(data: dict[str, object] | object) -> bool:
    """A policy file's ``flatten_unverifiable_pages`` (true when absent; anything but true or false is refused)."""
    value = data.get("flatten_unverifiable_pages", True) if isinstance(data, dict) else True
    if not isinstance(value, bool):
        raise ValueError("flatten_unverifiable_pages must be true or false")
    return value
