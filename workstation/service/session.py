"""A signed-in session's key (issue 12 item 2): what the command line and the window do once a passphrase has been
checked. The user's signing key is unlocked with it and held in memory for the session only; a user without a key
(a users file from before every role had one) gets a new one now, saved to the users file as *pending* - no
administrator has vouched for it, so the trail records it signs do not verify until one registers it (``users
keygen NAME`` with the owner there to type their passphrase, which unlocks that very key)."""

from __future__ import annotations

from pathlib import Path

from workstation.domain.roles import User, UserDirectory, save_users
from workstation.domain.signing import KEY_SCRYPT_N, Signer


def session_key(users_path: Path, directory: UserDirectory, user: User, passphrase: str, *,
                key_n: int = KEY_SCRYPT_N) -> tuple[Signer, str]:
    """(the unlocked key, a notice for the user or ""): ``passphrase`` must already be authenticated."""
    made = user.key is None
    updated, signer = directory.with_key(user.name, passphrase, key_n=key_n)
    if made:
        save_users(users_path, updated)
    key = updated.get(user.name)
    if key is None or key.key is None or key.key.registration is not None:
        return signer, ""
    what = "a signing key was made for you" if made else "your signing key"
    return signer, (f"{what} ({signer.fingerprint}) is pending: the trail records you make are signed with it but "
                    f"do not verify until an administrator registers it (`workstation users keygen {user.name}`, "
                    "with you there to type your passphrase; compare this fingerprint)")
