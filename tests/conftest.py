from __future__ import annotations

import os
import socket

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


class NetworkAccessError(AssertionError):
    pass


@pytest.fixture(autouse=True, scope="session")
def _no_network():
    """The workstation never opens a network connection: any attempt fails the test run loudly."""
    attempts: list[str] = []
    real_connect = socket.socket.connect
    real_connect_ex = socket.socket.connect_ex
    real_getaddrinfo = socket.getaddrinfo

    def guard_connect(self, address):  # noqa: ANN001
        if self.family == socket.AF_UNIX:
            return real_connect(self, address)
        attempts.append(repr(address))
        raise NetworkAccessError(f"network connection attempted to {address!r}")

    def guard_connect_ex(self, address):  # noqa: ANN001
        if self.family == socket.AF_UNIX:
            return real_connect_ex(self, address)
        attempts.append(repr(address))
        raise NetworkAccessError(f"network connection attempted to {address!r}")

    def guard_getaddrinfo(host, *args, **kwargs):  # noqa: ANN001
        attempts.append(repr(host))
        raise NetworkAccessError(f"name lookup attempted for {host!r}")

    socket.socket.connect = guard_connect  # type: ignore[method-assign]
    socket.socket.connect_ex = guard_connect_ex  # type: ignore[method-assign]
    socket.getaddrinfo = guard_getaddrinfo  # type: ignore[assignment]
    yield
    socket.socket.connect = real_connect  # type: ignore[method-assign]
    socket.socket.connect_ex = real_connect_ex  # type: ignore[method-assign]
    socket.getaddrinfo = real_getaddrinfo  # type: ignore[assignment]
    # Libraries may swallow the error and fall back (tldextract does): the attempt itself is the failure.
    assert not attempts, f"network access attempted during the tests: {attempts}"


@pytest.fixture(scope="session")
def engine():
    """The full detection engine, built once for the test session."""
    from workstation.detection.engine import DetectionEngine

    return DetectionEngine()


def spans(engine, text: str, entity_type: str) -> list[str]:
    """The texts of the detections of one entity type."""
    return [text[d.start : d.end] for d in engine.analyze(text) if d.entity_type == entity_type]
