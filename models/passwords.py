"""Password hashing with Argon2id (pwdlib), and the digests of long-lived API tokens."""

import hashlib
import secrets
from functools import lru_cache

from pwdlib import PasswordHash

API_TOKEN_PREFIX = "tdkt_"
_hasher = PasswordHash.recommended()


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password: str, password_hash: str) -> bool:
    return _hasher.verify(password, password_hash)


@lru_cache
def hash_demo_password(password: str) -> str:
    """The demo accounts share one password: hash it once per process, not once per account."""
    return hash_password(password)


def new_api_token() -> str:
    return API_TOKEN_PREFIX + secrets.token_urlsafe(32)


def token_digest(token: str) -> str:
    # API tokens are long and random, so a plain SHA-256 is enough to keep them from being read back.
    return hashlib.sha256(token.encode()).hexdigest()
