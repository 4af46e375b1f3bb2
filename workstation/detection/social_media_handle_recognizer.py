"""Social-media handles and user names, only where a platform or a handle label says what they are.

- ``@name`` after a platform (``resources/wordlists/social_media_platforms.txt``: Instagram, IG, Twitter, TikTok,
  Facebook, Snapchat, Telegram ...) or a label (``social_media_labels.txt``: handle, username, account, "goes
  by", "DM'd", "posted as" ...) a few words before it in the same sentence, or with a platform right after it
  ("@lilmaya22 on Instagram", "@lilmaya22 (IG)"). The span is the user name without the ``@``: found once, the
  name is then found at every other occurrence, with or without its ``@`` (a span "@lilmaya22" would leave a
  bare "lilmaya22" elsewhere readable).
- A bare user name right after a platform or a user-name label and an optional "user name", "handle", ":", "is"
  ("Instagram: paredes.q_93", "TikTok user name lilmaya22", "username: mayaaa"): it must look like a user name
  (a digit, ``_`` or ``.`` in it) or be written in lower case and not be an ordinary word ("Instagram account
  was deleted", "Instagram: Maria Santos" - a display name, PERSON's - are not handles).
- The user name in a profile address: ``instagram.com/paredes.q_93``, ``tiktok.com/@lilmaya22`` (``lilmaya22``).
- A cell of a table column headed by a platform, "Handle", "Username" or "Social media".

Never a handle: an e-mail address (``@`` right after a word character, or a user name followed by ``@``), an
``@`` followed by a space, a price or a time ("2 @ $5", "@ 10:00", "@10:00", "@5pm"), a name without a letter.
"X" (Twitter) counts as a platform only in capitals right before a handle or a handle label ("X: @name",
"X handle ..."), never as a letter in prose.
"""

from __future__ import annotations

import re
from typing import ClassVar

from presidio_analyzer import Pattern, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from workstation.detection.a_number_recognizer import FLAGS, table_cells
from workstation.detection.declared import DeclaredPatternRecognizer
from workstation.detection.wordlists import read_wordlist, wordlist


def _alt(words: list[str]) -> str:
    out = []
    for w in sorted(set(words), key=len, reverse=True):
        e = re.escape(w).replace(r"\ ", r"\s*" if w.lower() in ("tik tok", "snap chat", "cash app") else r"\s+")
        out.append(e.replace("'", "['’]?"))
    return "|".join(out)


_PLATFORM_WORDS = _alt(wordlist("social_media_platforms.txt"))
_LABEL_ENTRIES = read_wordlist("social_media_labels.txt")
_USERNAME_LABEL_WORDS = _alt([w for w, score in _LABEL_ENTRIES if score])  # a bare user name may follow
_LABEL_WORDS = _alt([w for w, _ in _LABEL_ENTRIES])

# "X" the platform: in capitals, right before a handle, a colon or a handle label.
_X = r"(?-i:X)(?=\s*(?:\(formerly\s+twitter\)|handle|account|user\s*name|profile|:|@))"
_PLATFORM = re.compile(rf"(?<![\w@./-])(?:{_PLATFORM_WORDS}|{_X})(?![\w-])", FLAGS)
_LABEL = re.compile(rf"(?<![\w@./-])(?:{_PLATFORM_WORDS}|{_X}|{_LABEL_WORDS})(?![\w-])", FLAGS)
# After a platform (or a user-name label): the words that may stand before a bare user name.
_BARE_LEAD = re.compile(
    rf"(?:['’]s)?(?:\s*(?:\(|-|–|:|#|\bis\b|\bwas\b|\bunder\b|\bas\b|\bof\b|{_USERNAME_LABEL_WORDS}|\bname\b|\bid\b|"
    r"\baccount\b|\bprofile\b|\bpage\b))*\s*",
    FLAGS,
)
_COLON_OR_LABEL = re.compile(rf":|\b(?:{_USERNAME_LABEL_WORDS}|name|id|is|was)\b", FLAGS)
# Platforms that are also ordinary words ("traffic signal 12A", "threads"): a bare name only after a colon or a
# user-name label ("Signal: maya22", "Threads username ...").
_COMMON_WORD_PLATFORMS = frozenset({"signal", "threads", "messenger", "hinge", "tinder", "bumble", "discord",
                                    "twitch", "kik", "venmo"})

_NAME = r"[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?"
_AT_HANDLE = re.compile(rf"(?<![\w@.+\-])@(?P<name>{_NAME})(?![\w@\-]|\.\w)")
_BARE = re.compile(rf"(?<![\w@.+\-/])(?P<name>{_NAME})(?![\w@\-']|\.\w)")
_URL = re.compile(
    r"(?<![\w@.-])(?:https?://)?(?:www\.|m\.)?(?:instagram\.com|tiktok\.com|twitter\.com|x\.com|facebook\.com|"
    r"fb\.com|snapchat\.com/add|t\.me|threads\.net|youtube\.com|reddit\.com/u(?:ser)?)/@?(?P<name>" + _NAME + r")"
    r"(?![\w@\-]|\.\w)",
    FLAGS,
)
_URL_NOT_A_USER = re.compile(r"@?(?:p|reel|reels|explore|stories|watch|video|share|home|login|groups|pages|events|"
                             r"profile\.php|permalink\.php|story\.php|hashtag|tv|channel|c|i|intent)", FLAGS)
_TLD = re.compile(r".*\.(?:com|net|org|edu|gov|io|co|us|me|info|biz)", FLAGS)
_TIME = re.compile(r"\d{1,2}(?::?\d\d)?(?:am|pm|a|p|h|hrs)?|\d+(?:st|nd|rd|th|k|m)?", FLAGS)
# Ordinary words that follow a platform without being a user name: "Instagram account was deleted".
_NOT_A_NAME = frozenset("""
    a an the and or but of on in at to for from with by via as is was are were be been has had have it its this that
    these those he she they him her them his their my your our me we you i not no none unknown unk n/a na nil
    account accounts page pages profile profiles name names username usernames handle handles user users id live
    post posts posted story stories message messages messaged dm dms chat chats video videos photo photos picture
    pictures group groups app link links friend friends follower followers request requests private public deleted
    blocked shows showed show said says told where which who whom what when also only too then there here
    yes true false same see above below refused declined pending tbd null provided available listed given
    inactive active verified unverified suspended
""".split())
_BREAK = re.compile(r"(\w*)[.!?;]\s+\S|\n[ \t]*\n")  # "@lilmaya22. The ..." ends a sentence too
_WORD = re.compile(r"[^\W\d_]+")
_TABLE_LABELS = re.compile(
    rf"[ \t]*(?:{_PLATFORM_WORDS}|social(?:[ \t]+media)?|handles?|user[ \t]*names?|screen[ \t]+names?)"
    r"(?:[ \t]+(?:handle|account|user[ \t]*name|id))?[ \t]*(?:\(s\))?[ \t]*:?[ \t]*",
    FLAGS,
)


_ONLY_PLATFORMS = re.compile(rf"(?:\W*(?:{_PLATFORM_WORDS}|@{_NAME})(?![\w-]))+\W*", FLAGS)


def only_platforms(text: str) -> bool:
    """Whether ``text`` is nothing but platform names and handles ("Instagram", "TikTok/IG", "Instagram
    @maria.santos"): spaCy reads "His Instagram is @x" with "Instagram" as a PERSON, which it never is."""
    return _ONLY_PLATFORMS.fullmatch(text) is not None


def _name_ok(name: str) -> bool:
    """Whether a matched name can be a user name (not a time, a number, a domain)."""
    bare = name.lstrip("@")
    if not any(c.isalpha() or c == "_" for c in bare):
        return False
    return not _TIME.fullmatch(bare) and not _TLD.fullmatch(bare)


def _bare_ok(name: str, after_label: bool) -> bool:
    """Whether a bare word after a platform is a user name: shaped like one, or in lower case after a colon or a
    user-name label and not an ordinary word."""
    if not _name_ok(name) or len(name) < 2 or name.lower() in _NOT_A_NAME:
        return False
    if any(c.isdigit() or c in "_." for c in name):
        return True
    return after_label and name == name.lower() and len(name) >= 3


class SocialMediaHandleRecognizer(DeclaredPatternRecognizer):
    ENTITY: ClassVar[str] = "SOCIAL_MEDIA_HANDLE"
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern("at_handle", _AT_HANDLE.pattern, 0.1),
        Pattern("bare_username", _BARE.pattern, 0.05),
        Pattern("profile_url", _URL.pattern, 0.85),
    ]
    CONTEXT: ClassVar[list[str]] = ["instagram", "ig", "twitter", "tiktok", "facebook", "snapchat", "telegram",
                                    "handle", "username", "user name", "account"]
    AT_SCORE: ClassVar[float] = 0.85
    BARE_SCORE: ClassVar[float] = 0.75
    TABLE_SCORE: ClassVar[float] = 0.75
    LOOKBACK: ClassVar[int] = 60
    LOOKAHEAD: ClassVar[int] = 30
    MAX_GAP_WORDS: ClassVar[int] = 8
    VERSION: ClassVar[str] = "1.0.0"

    def __init__(self) -> None:
        super().__init__()
        self._platform_after = re.compile(
            rf"\s*(?:\(|,)?\s*(?:on|via|in|from|at)?\s*(?:(?:his|her|their|my|the)\s+)?(?:{_PLATFORM_WORDS})(?![\w-])",
            FLAGS,
        )

    # -- context -----------------------------------------------------------------------------------------------
    def _gap_ok(self, gap: str) -> bool:
        if len(_WORD.findall(gap)) > self.MAX_GAP_WORDS:
            return False
        for m in _BREAK.finditer(gap):
            word = m.group(1) or ""
            if m.group(0).startswith("\n") or len(word) > 2:
                return False
        return True

    def _labelled(self, text: str, start: int, end: int) -> bool:
        before = text[max(0, start - self.LOOKBACK) : start]
        if any(self._gap_ok(before[m.end() :]) for m in _LABEL.finditer(before)):
            return True
        return bool(self._platform_after.match(text, end, min(len(text), end + self.LOOKAHEAD)))

    # -- Presidio ----------------------------------------------------------------------------------------------
    def analyze(
        self,
        text: str,
        entities: list[str],
        nlp_artifacts: NlpArtifacts | None = None,
        regex_flags: int | None = None,
    ) -> list[RecognizerResult]:
        at, bare, url = self.PATTERNS
        found: dict[tuple[int, int], tuple[float, Pattern]] = {}

        def add(start: int, end: int, score: float, pattern: Pattern) -> None:
            if all(e <= start or end <= s for s, e in found):
                found[(start, end)] = (score, pattern)

        for m in _URL.finditer(text):
            name = m.group("name")
            if _name_ok(name) and not _URL_NOT_A_USER.fullmatch(name):
                add(*m.span("name"), self.AT_SCORE, url)
        if "@" in text:
            for m in _AT_HANDLE.finditer(text):
                if _name_ok(m.group("name")) and self._labelled(text, m.start(), m.end()):
                    add(*m.span("name"), self.AT_SCORE, at)
        for label in _LABEL.finditer(text):
            lead = _BARE_LEAD.match(text, label.end())
            if lead is None or "\n" in lead.group().rstrip(" \t"):
                continue
            is_platform = _PLATFORM.fullmatch(text, label.start(), label.end()) is not None
            username_label = bool(re.fullmatch(_USERNAME_LABEL_WORDS, label.group(), FLAGS))
            if not (is_platform or username_label):
                continue
            # "handle" and "user" are also verbs and nouns: "officers handle calls" is no user name
            labelled = bool(_COLON_OR_LABEL.search(lead.group()))
            if is_platform and label.group().lower() in _COMMON_WORD_PLATFORMS and not labelled:
                continue
            word = _BARE.match(text, lead.end())
            if word and _bare_ok(word.group("name"), labelled):
                add(word.start(), word.end(), self.BARE_SCORE, bare)
        for s, e in table_cells(text, _TABLE_LABELS, whole_cell=True):
            cell = text[s:e]
            value = _AT_HANDLE.fullmatch(cell) or _BARE.fullmatch(cell)
            if value and (cell.startswith("@") and _name_ok(cell) or _bare_ok(cell, True)):
                add(s + value.start("name"), e, self.TABLE_SCORE, bare)
        return [self.result(score, s, e, pattern)
                for (s, e), (score, pattern) in sorted(found.items())]
