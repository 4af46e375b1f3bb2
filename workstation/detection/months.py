"""Month names as the recognizers' patterns write them, in one place (they were spelled out in four modules).

``FULL`` is the twelve names, ``STEMS`` the three-letter stems and "Sept" (a stem followed by ``[a-z]*\\.?`` reads
"Jan", "Jan.", "January", "Sept."), ``ABBREVIATED`` the abbreviations written with their full stop ("Jan.",
"Sept."; "May" has none). Each is an alternation without a group or flags: wrap it where it is used, e.g.
``"(?-i:" + FULL + ")"``.
"""

from __future__ import annotations

NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
         "November", "December")
FULL = "|".join(NAMES)
STEMS = "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
ABBREVIATED = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\."
