"""Transitions written before migration 0012 kept their reason in English only: the desk's timeline shows the
engine's sentences in Vietnamese (rebuilt from the row's rule and evidence), and a person's own words as written."""

import html
from typing import Any

import httpx

from models.domain.eligibility import Outcome, RuleResult
from models.domain.eligibility_rules import explain
from models.domain.enums import State
from models.domain.old_reasons import reason_vi
from models.domain.votes import Tally, VoteOutcome
from models.storage.db import open_session
from models.tables.nomination import Transition
from tests.demo import DemoProvince
from tests.desk import SignIn
from tests.year import SECRETARY, Year, open_meeting

VOTE = VoteOutcome(Tally(5, 1), members_total=7, required=4)
FAILED = RuleResult("cstd_tinh.three_years_cstdcs", "Điều 21 khoản 1 Nghị định 152/2025/NĐ-CP", Outcome.FAIL,
                    "needs 3 consecutive years of Chiến sĩ thi đua cơ sở; found 2", {"years": [2025, 2026]})
RULES_KEPT = [{"rule": FAILED.rule, "article": FAILED.article, "outcome": "fail", "message": FAILED.message,
               "facts": FAILED.facts_read, "missing": []}]
OFFICE_WORDS = "Thiếu bản sao quyết định công nhận sáng kiến"


def old_rows(nomination_id: int) -> list[Transition]:
    """What a version before migration 0012 appended: the English reason, no Vietnamese one."""
    def row(source: State, target: State, rule: str, reason: str, evidence: dict[str, Any]) -> Transition:
        return Transition(nomination_id=nomination_id, from_state=source, to_state=target, actor="truongkhoi.kinhte",
                          rule=rule, reason=reason, evidence=evidence)
    return [
        row(State.NOMINATED, State.ENDORSED, "vote.passed", VOTE.describe(), {"meeting_id": 1, **VOTE.as_evidence()}),
        row(State.ENDORSED, State.SUBMITTED, "proposal.submitted", "Listed in proposal 7.", {"proposal": "01/TTr"}),
        row(State.SUBMITTED, State.RETURNED, "screening.result", f"{OFFICE_WORDS} {explain([FAILED])}",
            {"proposal_id": 7, "office_found_eligible": True, "eligibility": "fail", "rules": RULES_KEPT}),
        row(State.RETURNED, State.WITHDRAWN, "withdrawal", "Đơn vị xin rút hồ sơ", {}),
    ]


async def test_the_timeline_shows_older_english_reasons_in_vietnamese(
    client: httpx.AsyncClient, demo: DemoProvince, signed_in: SignIn
) -> None:
    year = Year()
    await open_meeting(client, demo, year)
    nomination_id = year.candidates["cstd_mai"]
    async with open_session() as session:
        session.add_all(old_rows(nomination_id))
        await session.commit()
    page = (await (await signed_in(SECRETARY)).get(f"/desk/nominations/{nomination_id}")).text
    reasons = [html.unescape(line.split("</div>")[0]) for line in page.split('<div class="reason">Lý do: ')[1:]]
    assert reasons == [
        "Được đề cử tại hội nghị tổng kết của Khối",
        "5/7 thành viên đồng ý, cần ít nhất 4 phiếu: kết quả đạt",
        "Có tên trong Tờ trình mã số 7.",
        f"{OFFICE_WORDS} Không đạt tiêu chuẩn «03 năm liên tục đạt danh hiệu Chiến sĩ thi đua cơ sở» "
        f"({FAILED.article}).",
        "Đơn vị xin rút hồ sơ",
    ]


def test_a_reason_the_engine_did_not_write_stays_as_written() -> None:
    # English that looks like the engine's but does not match what the row's evidence rebuilds: a person's words.
    assert reason_vi(State.NOMINATED, State.ENDORSED, "vote.passed", "9 of 9 members voted for", "",
                     VOTE.as_evidence()) == "9 of 9 members voted for"
    assert reason_vi(State.RECOMMENDED, State.DECLINED, "decision.signed", "Đang bị xem xét kỷ luật", "",
                     {"decision": "05/QĐ-UBND"}) == "Đang bị xem xét kỷ luật"
    # A row that has its Vietnamese reason keeps it.
    assert reason_vi(State.NOMINATED, State.ENDORSED, "vote.passed", VOTE.describe(), "đã có", {}) == "đã có"


def test_every_engine_sentence_of_an_older_row_has_its_vietnamese() -> None:
    assert reason_vi(State.SUBMITTED, State.ELIGIBLE, "screening.result",
                     "Meets the conditions checked at screening.", "", {"rules": []}) == (
        "Đáp ứng các điều kiện đã thẩm định.")
    assert reason_vi(State.RECOMMENDED, State.AWARDED, "decision.signed", "Listed in decision 3.", "", {}) == (
        "Có tên trong Quyết định mã số 3.")
    assert reason_vi(State.ELIGIBLE, State.NOT_RECOMMENDED, "standing.not_agreed",
                     "The council's standing body did not agree to propose it: Chưa đủ hồ sơ", "", {}) == (
        "Thường trực Hội đồng không thống nhất đề nghị: Chưa đủ hồ sơ")
    failed = VoteOutcome(Tally(2, 4), members_total=7, required=4)
    assert reason_vi(State.NOMINATED, State.NOT_ENDORSED, "vote.failed", failed.describe(), "",
                     failed.as_evidence()) == "2/7 thành viên đồng ý, cần ít nhất 4 phiếu: kết quả không đạt"
