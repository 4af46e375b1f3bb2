from __future__ import annotations

import pytest

from workstation.domain.policy_engine import PolicyEngine
from workstation.domain.roles import Role, User


@pytest.fixture(scope="session")
def engine() -> PolicyEngine:
    return PolicyEngine.load()


@pytest.fixture(scope="session")
def users() -> dict[Role, User]:
    """One user per role (no passphrase: permission checks do not need one)."""
    return {role: User(f"{role.value}1", role) for role in Role}
