"""Which database errors mean "try again": a conflict the database rolled back, or the database being away."""

from sqlalchemy.exc import OperationalError

# PostgreSQL's deadlock_detected and serialization_failure: the transaction was rolled back and may be retried.
RETRYABLE_SQLSTATES = frozenset({"40P01", "40001"})


def is_transient(error: BaseException) -> bool:
    if not isinstance(error, OperationalError):
        return False
    if getattr(error.orig, "sqlstate", None) in RETRYABLE_SQLSTATES:
        return True
    return "database is locked" in str(error.orig)  # SQLite: another writer held the file past the busy timeout


def is_unavailable(error: BaseException) -> bool:
    """PostgreSQL cannot serve right now: the connection was lost, refused, or the server is shutting down or
    starting up. psycopg's OperationalError covers exactly those classes (08, 53, 55, 57, 58); SQLite's also
    covers mistakes in SQL, so it is never taken for an outage."""
    return isinstance(error, OperationalError) and hasattr(error.orig, "sqlstate") and not is_transient(error)
