"""A change refused because what it changes is no longer what the reviewer read (no lost update), on both stores."""

from __future__ import annotations

from workstation.domain.errors import StaleChangeError

__all__ = ["StaleChangeError", "stale"]


def stale(what: str, who: str | None, at: str) -> StaleChangeError:
    if who is None:
        return StaleChangeError(f"{what} was changed since you read it (it is now {at}); reload")
    return StaleChangeError(f"{what} was changed by {who} at {at} since you read it; reload")
