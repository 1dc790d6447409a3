"""Login attempts, kept: who tried which login name, from where, when, and whether it worked.

They are the evidence behind the login throttle (too many failures for one account or from one address make
the next attempt wait) and let an administrator see a password-guessing attempt afterwards.
"""

import math
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlmodel import Field, SQLModel

from models.base import timestamp_field


class LoginAttempt(SQLModel, table=True):
    id: int = Field(default=None, primary_key=True)
    username: str = Field(max_length=64, index=True, description="As typed, cut to 64 characters")
    client_address: str = Field(default="", max_length=64, index=True)
    at: datetime = timestamp_field(index=True)
    succeeded: bool = False


@dataclass(frozen=True)
class LoginLimit:
    """At most `failures` failed attempts within `window`; the next one waits until the oldest leaves it."""

    failures: int
    window: timedelta

    def wait_seconds(self, failures_at: list[datetime], now: datetime) -> int:
        """Seconds until another attempt is allowed (0: now), given the failures counted in the window."""
        recent = sorted(t for t in failures_at if t > now - self.window)
        if len(recent) < self.failures:
            return 0
        frees_at = recent[len(recent) - self.failures] + self.window
        return max(1, math.ceil((frees_at - now).total_seconds()))
