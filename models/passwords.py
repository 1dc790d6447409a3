"""Password hashing with Argon2id (pwdlib), and the digests of long-lived API tokens."""

import hashlib
import secrets
from functools import lru_cache

import anyio
from pwdlib import PasswordHash
from pwdlib.hashers.argon2 import Argon2Hasher

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


# The demo accounts' password is printed in the README and at start-up: a costly hash of it protects nothing, and
# every sign-in to the demo (and every test) would pay ~0.25 s of CPU for it. Argon2id still, at its lowest cost;
# verification reads the cost from the hash, so real accounts keep the recommended one.
_demo_hasher = PasswordHash((Argon2Hasher(time_cost=1, memory_cost=1024, parallelism=1),))


@lru_cache
def hash_demo_password(password: str) -> str:
    """The demo accounts share one public password: hash it once per process, cheaply."""
    return _demo_hasher.hash(password)


def new_api_token() -> str:
    return API_TOKEN_PREFIX + secrets.token_urlsafe(32)


def token_digest(token: str) -> str:
    # API tokens are long and random, so a plain SHA-256 is enough to keep them from being read back.
    return hashlib.sha256(token.encode()).hexdigest()
