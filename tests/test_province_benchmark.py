"""The province-year benchmark measures a real year: its generated province passes the award rules, and its bare
run (the same recording functions and stage steps the service runs) awards every nomination; so does a second
province's in the same database (the nation benchmark's)."""

from sqlmodel import col, select

from benchmarks.province_bare import run_year_bare
from benchmarks.province_plan import FACTS, YEAR, ProvincePlan, block_candidates, head_login
from benchmarks.province_report import Recorder
from benchmarks.province_setup import store_province
from docx_templates import DocumentKind
from models.domain.eligibility import Outcome
from models.domain.eligibility_rules import overall
from models.domain.facts import DossierFacts
from models.recording.eligibility import check_candidate
from models.storage.db import make_async_engine, open_session, use_engine
from models.tables.accounts import User
from models.tables.decision import Decision
from models.tables.organisation import Unit
from models.tables.stage import Document

PLAN = ProvincePlan(blocks=2)


async def test_every_generated_candidate_passes_its_award_rules(database_url: str) -> None:
    province = await store_province(PLAN)
    verdicts = []
    async with open_session() as session:
        for b in range(PLAN.blocks):
            for c in block_candidates(PLAN):
                unit = province.units[b][c.unit] if c.staff is None else None
                person = province.people[b][c.unit][c.staff] if c.staff is not None else None
                results = await check_candidate(session, c.award_code, YEAR, unit, person,
                                                DossierFacts.model_validate(FACTS[c.award_code]))
                verdicts.append((c.award_code, overall(results), [r.message for r in results
                                                                  if r.outcome != Outcome.PASS]))
    assert len(verdicts) == PLAN.nominations == 64
    assert [v for v in verdicts if v[1] != Outcome.PASS] == []


async def test_the_bare_year_awards_every_nomination_with_its_documents(database_url: str) -> None:
    province = await store_province(PLAN)
    recorder = Recorder()
    ids = await run_year_bare(database_url, province, recorder)
    assert ids.awarded == PLAN.nominations
    assert len(ids.decisions) == len(PLAN.mix)
    assert list(recorder.phases) == ["meetings", "ballots", "proposals", "screening", "council", "decisions",
                                     "signing"]
    engine = make_async_engine(database_url)  # the bare run disposed of the engine it used
    use_engine(engine)
    async with open_session() as session:
        kinds = sorted((await session.exec(select(Document.kind))).all())
    await engine.dispose()
    # Per block its minutes, its proposal and the achievement reports sent with it; the office's two Tờ trình (the
    # council's vote, the standing body's appraisal); the council session's minutes and the standing body's; per
    # award its decision, certificates and notice of results; no notice returning dossiers (every one passes), no
    # Biên bản kiểm phiếu (no counting committee is named).
    expected = {DocumentKind.MEETING_MINUTES: 2, DocumentKind.BLOCK_PROPOSAL: 2, DocumentKind.ACHIEVEMENT_REPORTS: 2,
                DocumentKind.OFFICE_APPRAISAL: 2, DocumentKind.COUNCIL_MINUTES: 1, DocumentKind.STANDING_MINUTES: 1,
                DocumentKind.DECISION: 5, DocumentKind.CERTIFICATES: 5, DocumentKind.RESULTS_NOTICE: 5}
    assert kinds == sorted(k.value for k, n in expected.items() for _ in range(n))


async def test_a_second_province_in_the_same_database_runs_a_year_of_its_own(database_url: str) -> None:
    first = await store_province(PLAN)
    assert (await run_year_bare(database_url, first, Recorder())).awarded == PLAN.nominations
    second_plan = ProvincePlan(blocks=2, province=1)
    engine = make_async_engine(database_url)  # the bare run disposed of the engine it used
    use_engine(engine)
    second = await store_province(second_plan)
    ids = await run_year_bare(database_url, second, Recorder())
    assert ids.awarded == second_plan.nominations
    engine = make_async_engine(database_url)
    use_engine(engine)
    async with open_session() as session:
        units = (await session.exec(select(Unit.code).where(Unit.id == second.units[1][0]))).one()
        heads = sorted((await session.exec(select(User.username).where(
            col(User.username).startswith("truongkhoi.")))).all())
        decisions = (await session.exec(select(Decision.number).where(
            col(Decision.id).in_(list(ids.decisions.values()))))).all()
    await engine.dispose()
    # Its own registry beside the first's (codes and logins marked with its tag), its own decisions.
    assert units == "T02K02D01"
    assert heads == sorted([head_login(0), head_login(1), head_login(0, 1), head_login(1, 1)])
    assert heads[-1] == "truongkhoi.02.t02" and set(second.blocks).isdisjoint(first.blocks)
    assert len(decisions) == len(PLAN.mix) and all(decisions)
