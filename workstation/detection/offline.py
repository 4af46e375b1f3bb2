"""Presidio's default recognizers, made safe for an offline workstation.

Presidio's ``EmailRecognizer`` validates domains with the module-level ``tldextract.extract``, which fetches
the public suffix list over the network on first use. Here it uses an extractor that only reads the
suffix list bundled with tldextract (``suffix_list_urls=()``, no cache directory).
"""

from __future__ import annotations

import tldextract
from presidio_analyzer.predefined_recognizers import EmailRecognizer

_OFFLINE_TLD = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


class OfflineEmailRecognizer(EmailRecognizer):
    def validate_result(self, pattern_text: str) -> bool:
        result = _OFFLINE_TLD(pattern_text)
        return result.fqdn != ""
