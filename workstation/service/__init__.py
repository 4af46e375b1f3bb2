"""The application service: the one way into cases for the command line, the window and a server.

Every command (create, scan, decide, override, submit, sign off, return, export), query and report lives here
once; the callers only turn what it says into exit codes (the CLI) or dialogs (the window). It talks to
persistence through ``CaseRepository`` (``repository``) and never knows which backend it has. The service is one
class built from small parts, each in its own module and each building on the one before: ``base`` (state,
lookups, free text, refusals recorded) → ``approvals`` → ``lifecycle`` → ``review`` → ``spot_checks`` →
``reports`` → ``export``; ``scanning`` holds the scan orchestration both doors share.
"""

from __future__ import annotations

from workstation.service.export import Export
from workstation.service.items import (
    DEFAULT_RECIPIENT,
    QA_COLUMNS,
    RESERVED_NAMES,
    SYSTEM_TRAIL,
    ExportResult,
    Item,
    document_label,
    document_sha256,
    full_item_id,
    parse_basis,
    short_id,
    summary_rows,
)


class CaseService(Export):
    """Cases under a disclosure policy, for one repository (see the modules of ``workstation.service``)."""


__all__ = ["DEFAULT_RECIPIENT", "QA_COLUMNS", "RESERVED_NAMES", "SYSTEM_TRAIL", "CaseService", "ExportResult", "Item",
           "document_label", "document_sha256", "full_item_id", "parse_basis", "short_id", "summary_rows"]
