"""The login throttle's arithmetic, pure: how long the next attempt waits, given the failures counted."""

import math
from dataclasses import dataclass
from datetime import datetime, timedelta


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
