"""Rendering the desk's pages: one Jinja2 environment, the Vietnamese labels as globals, refusals by field."""

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from pydantic import ValidationError

from api.validation_vi import validation_message_vi
from models.domain import old_reasons, vietnamese
from models.domain.eligibility import Outcome
from models.domain.errors import Problem
from models.tables.nomination import TransitionPublic

VIETNAM = timezone(timedelta(hours=7), "ICT")
# The keys of a vote's evidence, shown as one Vietnamese sentence rather than one line each.
VOTE_KEYS = frozenset({"votes_for", "votes_against", "abstain", "invalid", "members_total", "required", "passed",
                       "threshold_percent", "threshold_strictly_more"})

templates = Jinja2Templates(directory=Path(__file__).parent / "templates")
# The one table of Vietnamese names per concept (models/domain/vietnamese.py), offered to every template.
templates.env.globals.update({name: getattr(vietnamese, name) for name in dir(vietnamese) if name.endswith("_VI")})


def fact_value(value: object) -> str:
    """A declared fact as the dossier reads: yes/no in words, a rating by its name."""
    if isinstance(value, bool):
        return "Có" if value else "Không"
    if value is None:
        return "Chưa kê khai"
    text = str(value)
    return next((name for code, name in vietnamese.RATING_VI.items() if code == text), text)


def facts_text(facts: Mapping[str, Any]) -> str:
    return "; ".join(f"{vietnamese.FACT_VI.get(k, k)}: {fact_value(v)}" for k, v in facts.items())


def evidence_summary(evidence: Mapping[str, Any]) -> list[str]:
    """A transition's evidence in a few short lines: a vote as one sentence, rule results as counts, the rest as
    they are."""
    is_vote = {"votes_for", "required", "members_total"} <= evidence.keys()  # VoteOutcome.as_evidence
    lines = []
    if is_vote:
        lines.append(f"{evidence['votes_for']} phiếu đồng ý, {evidence.get('votes_against', 0)} không đồng ý; "
                     f"cần {evidence['required']} trên tổng số {evidence['members_total']} thành viên: "
                     + ("đạt" if evidence.get("passed") else "không đạt"))
    for key, value in evidence.items():
        if is_vote and key in VOTE_KEYS:
            continue
        if key == "rules" and isinstance(value, list):
            outcomes = [r.get("outcome") for r in value if isinstance(r, dict)]
            counts = ", ".join(f"{outcomes.count(o.value)} {vietnamese.OUTCOME_VI[o].lower()}"
                               for o in Outcome if outcomes.count(o.value))
            lines.append(f"tiêu chuẩn: {counts or 'không có'}")
            lines += [f"{vietnamese.OUTCOME_VI[Outcome(r['outcome'])]}: {vietnamese.rule_vi(str(r.get('rule')))}"
                      for r in value if isinstance(r, dict) and r.get("outcome") in (Outcome.FAIL, Outcome.UNKNOWN)]
        elif key == "eligibility" and value in set(Outcome):
            lines.append(f"kết quả xét tiêu chuẩn: {vietnamese.OUTCOME_VI[Outcome(value)].lower()}")
        elif key == "facts" and isinstance(value, dict):
            lines.append(f"{vietnamese.EVIDENCE_VI[key]}: {facts_text(value) or 'không có'}")
        elif isinstance(value, list) and all(isinstance(v, str) for v in value):
            lines.append(f"{vietnamese.EVIDENCE_VI.get(key, key)}: {', '.join(value) or 'không có'}")
        elif isinstance(value, dict | list):
            text = json.dumps(value, ensure_ascii=False)
            lines.append(f"{vietnamese.EVIDENCE_VI.get(key, key)}: {text[:120]}{'…' if len(text) > 120 else ''}")
        else:
            lines.append(f"{vietnamese.EVIDENCE_VI.get(key, key)}: {fact_value(value)}")
    return lines


def local_time(moment: datetime) -> str:
    """Times are stored in UTC; the desk shows them as Vietnam's clock reads (UTC+7, no summer time)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(VIETNAM).strftime("%H:%M %d/%m/%Y")


def transition_reason(transition: TransitionPublic) -> str:
    """A timeline line's reason in Vietnamese, an older row's English engine sentence included (old_reasons.py)."""
    t = transition
    return old_reasons.reason_vi(t.from_state, t.to_state, t.rule, t.reason, t.reason_vi, t.evidence)


templates.env.filters.update({"evidence": evidence_summary, "local_time": local_time, "facts_text": facts_text,
                              "reason_vi": transition_reason})
templates.env.globals.update({"fact_value": fact_value, "rule_vi": vietnamese.rule_vi, "facts_vi": vietnamese.facts_vi})


@dataclass
class Refusals:
    """A refusal's problems, each under the form field it names; the rest are shown above the form."""

    by_field: dict[str, list[str]] = field(default_factory=dict)
    general: list[str] = field(default_factory=list)

    @classmethod
    def of(cls, problems: Iterable[Problem], fields: Iterable[str]) -> "Refusals":
        known = set(fields)
        refusals = cls()
        for problem in problems:
            text = problem.vi or problem.message  # English stands in until every rule has its Vietnamese
            if problem.field in known:
                refusals.by_field.setdefault(problem.field, []).append(text)
            else:
                refusals.general.append(text)
        return refusals

    def __bool__(self) -> bool:
        return bool(self.by_field or self.general)


def problems_of_validation(error: ValidationError, prefix: str = "",
                           labels: Mapping[str, str] | None = None) -> list[Problem]:
    """A form that does not even parse, as problems named like the API's (dotted field paths); `labels` gives the
    Vietnamese sentence the box's own name (the label the person sees) instead of the API's field path."""
    problems = []
    for e in error.errors():
        name = ".".join(str(p) for p in (prefix, *e["loc"]) if p != "")
        label = (labels or {}).get(name, name)
        problems.append(Problem(name, f"input.{e['type']}", f"{name}: {e['msg']}",
                                vi=validation_message_vi(e["type"], label, e.get("ctx"))))
    return problems


def page(request: Request, template: str, context: Mapping[str, Any], status_code: int = 200) -> HTMLResponse:
    return templates.TemplateResponse(request, template, dict(context), status_code=status_code)


def is_htmx(request: Request) -> bool:
    return request.headers.get("HX-Request") == "true"
