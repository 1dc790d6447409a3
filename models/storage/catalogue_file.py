"""The award catalogue file, typed: read and checked once per file, and the only code that reads it.

The shipped `models/data/catalogue.toml`, or a province's own file named by TDKT_CATALOGUE_FILE. A wrong file is
refused with its path, the key and the problem, before the service answers any request.
"""

import tomllib
from datetime import date
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

from pydantic import ValidationError

from models.domain.catalogue import Catalogue
from models.domain.catalogue_rules import NOT_CHECKS
from models.domain.eligibility_rules import rule_check
from models.domain.enums import CouncilBody
from models.settings import get_settings
from models.tables.award import Award


class CatalogueError(ValueError):
    """The catalogue file cannot be used; the message names the file, the key and the problem."""


def catalogue() -> Catalogue:
    """The catalogue in force: the province's file if it has one, else the shipped one."""
    return _load(get_settings().catalogue_file)


@lru_cache
def _load(path: Path | None) -> Catalogue:
    source = str(path) if path is not None else "models/data/catalogue.toml (shipped)"
    try:
        text = (path.read_text(encoding="utf-8") if path is not None
                else files("models").joinpath("data/catalogue.toml").read_text(encoding="utf-8"))
        law = Catalogue.model_validate(tomllib.loads(text))
    except OSError as error:
        raise CatalogueError(f"{source}: cannot be read: {error.strerror}") from None
    except tomllib.TOMLDecodeError as error:
        raise CatalogueError(f"{source}: not valid TOML: {error}") from None
    except ValidationError as error:
        problems = "; ".join(f"{'.'.join(str(p) for p in e['loc']) or 'file'}: {e['msg']}" for e in error.errors())
        raise CatalogueError(f"{source}: {problems}") from None
    for rule, entry in law.rules.items():
        if rule not in NOT_CHECKS:
            try:
                rule_check(rule, entry)  # a rule the engine does not know, or one missing the figure it needs
            except ValueError as error:
                raise CatalogueError(f"{source}: rules.{rule}: {error}") from None
    return law


def catalogue_awards() -> list[Award]:
    """The awards as the catalogue file describes them today (the table is brought in line on every start): the
    route shown is today's; an act is routed by the rule in force on its own day (`AwardEntry.route_on`)."""
    today = date.today()
    return [Award(code=code, council_vote_required=entry.route_on(today).appraised_by == CouncilBody.COUNCIL,
                  **entry.model_dump(exclude={"prerequisites", "in_force", "appraised_by", "appraisal_basis",
                                              "routes"}))
            for code, entry in catalogue().awards.items()]
