"""Social-media handles through the full engine: "@name" or a bare user name, only after a platform or label.

Each case is (text, expected SOCIAL_MEDIA_HANDLE spans): the user name without its "@"; ``[]`` is a negative.
"""

from __future__ import annotations

import pytest

from tests.conftest import spans

pytestmark = pytest.mark.slow

HANDLE_CASES = [
    # "@name" after a platform
    ("Instagram: @paredes.q_93", ["paredes.q_93"]),
    ("her IG is @lil.maya.", ["lil.maya"]),
    ("Telegram @paredesq", ["paredesq"]),
    ("X: @quintero_jl", ["quintero_jl"]),
    ("Twitter/X @quintero_jl", ["quintero_jl"]),
    ("Snapchat - @bx.kingg", ["bx.kingg"]),
    ("her Instagram, @lilmaya22, and TikTok @maya.dances", ["lilmaya22", "maya.dances"]),
    # "@name" after a label word
    ("He goes by @flaco_nyc on the street.", ["flaco_nyc"]),
    ("I DM'd @lilmaya22 last night", ["lilmaya22"]),
    ("She DM’d him from @lilmaya22", ["lilmaya22"]),
    ("threats were posted as @bx_kingg", ["bx_kingg"]),
    ("his handle is @jl.quintero", ["jl.quintero"]),
    ("the account @maya.dances was reported", ["maya.dances"]),
    # a platform right after the handle
    ("@lilmaya22 on Instagram", ["lilmaya22"]),
    ("@lilmaya22 (IG)", ["lilmaya22"]),
    # a bare user name after a platform or a user-name label
    ("Instagram: paredes.q_93", ["paredes.q_93"]),
    ("TikTok user name lilmaya22", ["lilmaya22"]),
    ("Snapchat username: mayaaa", ["mayaaa"]),
    ("her handle is mayaaa", ["mayaaa"]),
    ("username lilmaya22", ["lilmaya22"]),
    ("Facebook Messenger: jl.quintero", ["jl.quintero"]),
    ("Signal: maya22", ["maya22"]),
    # profile addresses
    ("Facebook: facebook.com/maria.santos.77", ["maria.santos.77"]),
    ("https://www.tiktok.com/@lilmaya22/video/7312", ["lilmaya22"]),
    ("see instagram.com/paredes.q_93/", ["paredes.q_93"]),
    # a table column headed by a platform
    ("Name\tInstagram\tDOB\nMaya\tlil.maya22\t01/02/2003", ["lil.maya22"]),
]

NEGATIVE_CASES = [
    # e-mail addresses stay EMAIL_ADDRESS
    "email maria@gmail.com",
    "Instagram: paredes.q_93@gmail.com",
    "Instagram account linked to maria.santos@example.net",
    # prices and times
    "2 @ $5 each",
    "meet @ 10:00",
    "Instagram post @10:00",
    "posted on IG @5pm",
    "X marks the spot @ noon",
    # no label: not a handle
    "Contact @lilmaya22 please",
    "Plan X @home",
    # ordinary words and display names after a platform
    "Instagram account was deleted",
    "Instagram: Maria Santos",
    "She has no Instagram.",
    "Instagram: yes (private)",
    "Instagram: none",
    "Snapchat: n/a",
    "officers handle calls daily",
    "the IG's office",
    "IG report 2024",
    "traffic signal 12A",
    "threads 4 and 5",
]


@pytest.mark.parametrize(("text", "expected"), HANDLE_CASES)
def test_handle(engine, text, expected):
    assert spans(engine, text, "SOCIAL_MEDIA_HANDLE") == expected


@pytest.mark.parametrize("text", NEGATIVE_CASES)
def test_not_a_handle(engine, text):
    assert spans(engine, text, "SOCIAL_MEDIA_HANDLE") == []


def test_email_stays_email(engine):
    text = "Email maria.santos@gmail.com, Instagram @maria.santos."
    assert spans(engine, text, "EMAIL_ADDRESS") == ["maria.santos@gmail.com"]
    assert spans(engine, text, "SOCIAL_MEDIA_HANDLE") == ["maria.santos"]


def test_handle_found_at_every_occurrence():
    from workstation.detection.social_media_handle_recognizer import SocialMediaHandleRecognizer
    from workstation.domain.model import Detection
    from workstation.domain.propagation import propagate

    text = "Her Instagram is @lilmaya22. The threats came from @lilmaya22 at night."
    found = [Detection(r.start, r.end, r.entity_type, r.score, "SocialMediaHandleRecognizer")
             for r in SocialMediaHandleRecognizer().analyze(text, ["SOCIAL_MEDIA_HANDLE"])]
    assert [text[d.start : d.end] for d in found] == ["lilmaya22"]
    out = propagate([text], [found])[0]
    assert [text[d.start : d.end] for d in out if d.entity_type == "SOCIAL_MEDIA_HANDLE"] == ["lilmaya22"] * 2
