"""Who acted: the person, whose roles they used when acting as a delegate, and where the request came from."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Actor:
    username: str
    on_behalf_of: str | None = None  # the role holder a delegate acts for
    client_address: str | None = None
