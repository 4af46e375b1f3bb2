"""A change refused because what it changes is no longer what the reviewer read (no lost update), on both stores."""

from __future__ import annotations

from workstation.domain.errors import CaseStateError


class StaleChangeError(CaseStateError):
    """Another reviewer changed the finding (box, allow-list entry) after this reviewer read it (exit 4): the
    message says who and when; reload and decide again. Both stores compare the stored row with the change's
    ``before`` inside the writing transaction."""


def stale(what: str, who: str | None, at: str) -> StaleChangeError:
    if who is None:
        return StaleChangeError(f"{what} was changed since you read it (it is now {at}); reload")
    return StaleChangeError(f"{what} was changed by {who} at {at} since you read it; reload")
