"""Changes to the registry, pure: an object's state as JSON, what a change did to it, and its version tag.

One log holds every change to the province's registry, whether a person made it through the API or a workbook
import made it (models.storage.registry_log writes it for both): the whole state before and after, so a reader
needs nothing else to see what changed.
"""

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from typing import Any

from models.domain.enums import ChangeAction

# The log's name for each kind of object (by table class), as the API's paths name them.
OBJECT_TYPES: dict[str, str] = {
    "Unit": "unit", "Person": "person", "EmulationBlock": "block", "BlockMembership": "membership",
    "Household": "household", "CouncilSeat": "seat", "User": "user", "RoleGrant": "grant",
}
END_FIELDS = ("active_until", "serves_until", "revoked_at")  # setting one of these ends the object
SECRET_FIELDS = frozenset({"password_hash"})  # never written to the log


@dataclass(frozen=True)
class Change:
    object_type: str
    object_id: int
    action: ChangeAction
    before: dict[str, Any] | None
    after: dict[str, Any] | None


def as_json(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def state(fields: Mapping[str, Any]) -> dict[str, Any]:
    """An object's fields as JSON values (dates as ISO text, enums as their values), secrets left out."""
    return {key: as_json(value) for key, value in fields.items() if key not in SECRET_FIELDS}


def change_of(object_type: str, object_id: int, before: dict[str, Any] | None,
              after: dict[str, Any] | None) -> Change | None:
    """The change from one state to the other; None when nothing changed (a repeated update writes nothing)."""
    if before == after:
        return None
    if before is None:
        action = ChangeAction.CREATED
    elif after is None:
        action = ChangeAction.DELETED
    elif any(after.get(k) is not None and before.get(k) is None for k in END_FIELDS):
        action = ChangeAction.ENDED
    else:
        action = ChangeAction.UPDATED
    return Change(object_type, object_id, action, before, after)


def version_tag(current: Mapping[str, Any]) -> str:
    """The ETag of an object's state: an update sent with If-Match applies only to the state it was read in."""
    text = json.dumps(state(current), sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode()).hexdigest()[:16]
