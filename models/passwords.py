"""Password hashing with Argon2id (pwdlib), and the digests of long-lived API tokens."""

import hashlib
import secrets
from functools import lru_cache

import anyio
from pwdlib import PasswordHash

API_TOKEN_PREFIX = "tdkt_"
_hasher = PasswordHash.recommended()


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password: str, password_hash: str) -> bool:
    return _hasher.verify(password, password_hash)


@lru_cache
def _hash_of_no_account() -> str:
    return hash_password(secrets.token_urlsafe(16))


async def password_matches(password: str, password_hash: str | None) -> bool:
    """Check in a worker thread (Argon2 takes ~0.1 s of CPU: on the event loop it would stall every request).

    An unknown login name is checked against a hash too, so the answer takes as long as for a real account and
    does not tell which names exist.
    """
    checked = password_hash if password_hash is not None else _hash_of_no_account()
    matches = await anyio.to_thread.run_sync(verify_password, password, checked)
    return matches and password_hash is not None


@lru_cache
def hash_demo_password(password: str) -> str:
    """The demo accounts share one password: hash it once per process, not once per account."""
    return hash_password(password)


def new_api_token() -> str:
    return API_TOKEN_PREFIX + secrets.token_urlsafe(32)


def token_digest(token: str) -> str:
    # API tokens are long and random, so a plain SHA-256 is enough to keep them from being read back.
    return hashlib.sha256(token.encode()).hexdigest()
