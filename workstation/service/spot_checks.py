"""Supervisors' spot-checks: a sample drawn from the decisions, verdicts, the QA report's rows."""

from __future__ import annotations

import os
from collections import Counter

from workstation.domain.audit import (
    sample,
    spot_check_result,
)
from workstation.domain.errors import (
    CaseStateError,
    UsageError,
)
from workstation.domain.naming import FALLBACK
from workstation.domain.roles import Permission, User, require
from workstation.service.items import (
    Item,
    _masked,
)
from workstation.service.review import Review


class SpotChecks(Review):
    # ----- spot-checks
    def draw_sample(self, case_id: str, user: User, rate: float, seed: int | str | None = None) -> list[Item]:
        with self._audited(case_id, user, "spot-check"):
            require(user, Permission.SPOT_CHECK, case_id)
            if not 0 < rate <= 100:
                raise UsageError("--rate must be a percentage in (0, 100]")
            seed = str(seed if seed is not None else int.from_bytes(os.urandom(4), "big"))
            decided = [i for i in self.items(case_id) if i.decision is not None]
            chosen = sample(decided, rate, seed, stratum=lambda i: (i.category, i.decision or ""))
            strata = Counter(f"{i.category}/{i.decision}" for i in chosen)
            self.store.save_spot_check(case_id, rate, seed, [i.id for i in chosen], user.name, user.role.value,
                                       {"case_id": case_id, "rate_percent": rate, "seed": seed,
                                        "population": len(decided), "sampled": len(chosen),
                                        "strata": dict(sorted(strata.items())),
                                        "items": [i.id for i in chosen]})
            return chosen

    def current_sample(self, case_id: str) -> tuple[str, list[Item], dict[str, tuple[bool, str, str, str]]] | None:
        open_check = self.store.open_spot_check(case_id)
        if open_check is None:
            return None
        sid, _, _, ids = open_check
        by_id = {i.id: i for i in self.items(case_id)}
        return sid, [by_id[i] for i in ids if i in by_id], self.store.verdicts(sid)

    def record_verdict(self, case_id: str, user: User, ident: str, passed: bool, comment: str, *,
                       notices: list[str] | None = None) -> bool:
        """A supervisor's pass/fail on one sampled item; returns True when the sample is complete (the
        spot-check's result is then appended to the trail). Personal information in the ``comment`` is masked
        (said in ``notices`` and the trail)."""
        with self._audited(case_id, user, "spot-check verdict"):
            require(user, Permission.SPOT_CHECK, case_id)
            current = self.store.open_spot_check(case_id)
            if current is None:
                raise CaseStateError("no spot-check sample drawn for this case: run `workstation audit sample` first")
            sid, rate, seed, ids = current
            matches = [i for i in ids if i.startswith(ident)]
            if len(matches) != 1:
                raise UsageError(f"item {ident!r} is not in the current sample")
            item = self.item(case_id, matches[0])
            if not passed and not comment.strip():
                raise UsageError("a failed check needs a comment")
            screened = self.mask_personal(case_id, "the comment", comment, notices)
            comment = screened.text
            verdicts = self.store.verdicts(sid)
            verdicts[item.id] = (passed, comment, user.name, self.clock())
            summary = None
            if set(ids) <= set(verdicts):
                by_id = {i.id: i for i in self.items(case_id)}
                result = spot_check_result([((by_id[i].category, by_id[i].decision or "pending"), verdicts[i][0])
                                            for i in ids if i in by_id], rate, seed)
                summary = {**result.details(case_id), "spot_check": sid}
            self.store.record_verdict(case_id, sid, item.id, passed, comment.strip(), user.name, user.role.value, {
                "case_id": case_id, "spot_check": sid, "item": item.id,
                **self.store.document_ref(case_id, item.key.document), "page": item.key.page, "category": item.category, "decision": item.decision or "pending",
                "result": "pass" if passed else "fail", "comment": comment.strip(), **_masked(screened)}, summary)
            return summary is not None

    def qa_rows(self, case_id: str) -> list[list[str]]:
        by_id = {i.id: i for i in self.items(case_id)}
        labels = self.store.document_labels(case_id)  # the QA report goes out with the export: safe labels
        rows = []
        for sid, rate, seed, ids, actor, at in self.store.spot_checks(case_id):
            verdicts = self.store.verdicts(sid)
            for ident in ids:
                i = by_id.get(ident)
                v = verdicts.get(ident)
                rows.append([sid, at, f"{rate:g}", seed, ident, (labels.get(i.key.document) or FALLBACK) if i else "",
                             str(i.key.page) if i else "", i.category if i else "", (i.decision or "") if i else "",
                             ("pass" if v[0] else "fail") if v else "not checked", v[1] if v else "",
                             v[2] if v else actor])
        return rows

