"""The desk: a web interface in Vietnamese for the people who do the work, served by the API's own application.

Server-rendered pages (Jinja2) with a little htmx, all assets served from this package (government networks are
often closed). Every page and form goes through the same recording functions, scope checks and principal as the
API's routes, so no rule is written twice.
"""

from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from api.desk import (
    ballots,
    council,
    council_votes,
    criteria_sets,
    decision_draft,
    exports,
    forwarding,
    inbox,
    meeting,
    movements,
    nominations,
    preview,
    progress,
    proposal,
    public_comment,
    public_page,
    registry,
    revocation,
    roster,
    scoring_units,
    scorings,
    screening,
    signin,
    signing,
    standing_appraisal,
    statistics,
    workbook_import,
)


def install(app: FastAPI) -> None:
    """Serve the desk under /desk (its pages are not part of the API's OpenAPI description)."""
    for module in (signin, inbox, nominations, meeting, ballots, proposal, screening, council, council_votes,
                   standing_appraisal, decision_draft, signing, forwarding, progress):
        app.include_router(module.router, prefix="/desk", include_in_schema=False)
    for module in (exports, preview, statistics, registry, roster, workbook_import):  # lists, figures, registry
        app.include_router(module.router, prefix="/desk", include_in_schema=False)
    # the year before the vote: movements, block scoring and its criteria sets
    for module in (movements, scorings, scoring_units, criteria_sets):
        app.include_router(module.router, prefix="/desk", include_in_schema=False)
    app.include_router(revocation.router, prefix="/desk", include_in_schema=False)  # revoking an award
    app.include_router(public_comment.router, prefix="/desk", include_in_schema=False)
    app.include_router(public_page.router, include_in_schema=False)  # /lay-y-kien: no login
    app.mount("/desk/static", StaticFiles(directory=Path(__file__).parent / "static"), name="desk-static")
