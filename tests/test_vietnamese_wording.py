"""Every refusal in the code has its Vietnamese wording: checked on the source itself, next to mypy.

mypy already refuses a Problem, refuse() or not_found() without vi/what_vi, and a Verdict without reason_vi; this
also catches an empty or English-only literal (vi="", vi="Not allowed"), which mypy cannot see.
"""

import ast
from decimal import Decimal
from pathlib import Path

import pytest
from sqlmodel import SQLModel

import models.tables  # noqa: F401  (registers every table)
from api.validation_vi import validation_message_vi
from models.domain.permissions import Action, may
from models.domain.vietnamese import OBJECT_VI
from models.domain.votes import Tally, Threshold, count_votes

ROOT = Path(__file__).resolve().parent.parent
# The call, and the keyword that carries its Vietnamese.
VIETNAMESE_KEYWORD = {"Problem": "vi", "refuse": "vi", "not_found": "what_vi", "Verdict": "reason_vi"}
# Letters only Vietnamese uses (beyond ASCII): a literal with none of them is not Vietnamese.
VIETNAMESE_LETTERS = set("àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ")


def _name(call: ast.Call) -> str:
    func = call.func
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""


def _literal_text(node: ast.expr) -> str | None:
    """The literal words of a string or f-string argument; None for any other expression (a name, a call)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        if any(isinstance(v, ast.FormattedValue) and isinstance(v.value, ast.Name) and v.value.id.endswith("vi")
               for v in node.values):
            return None  # a helper prefixing the place to the Vietnamese its caller wrote: checked at that call
        return "".join(v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str))
    if isinstance(node, ast.BinOp):  # "…" + "…"
        left, right = _literal_text(node.left), _literal_text(node.right)
        return None if left is None and right is None else (left or "") + (right or "")
    return None


def _is_allowing_verdict(call: ast.Call) -> bool:
    first = call.args[0] if call.args else None
    return isinstance(first, ast.Constant) and first.value is True


def refusal_calls() -> list[tuple[str, ast.Call]]:
    found = []
    for folder in ("api", "models", "flows"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
                if isinstance(node, ast.Call) and _name(node) in VIETNAMESE_KEYWORD:
                    found.append((f"{path.relative_to(ROOT)}:{node.lineno}", node))
    return found


def test_every_refusal_in_the_code_has_a_vietnamese_wording() -> None:
    calls = refusal_calls()
    assert len(calls) > 100, "the walk found the refusals"
    wrong = []
    for where, call in calls:
        if _name(call) == "Verdict" and _is_allowing_verdict(call):
            continue  # an allowance is no refusal (it carries reason_vi all the same: mypy sees to that)
        keyword = VIETNAMESE_KEYWORD[_name(call)]
        value = next((k.value for k in call.keywords if k.arg == keyword), None)
        if value is None:
            wrong.append(f"{where}: {_name(call)}(…) without {keyword}=")
            continue
        text = _literal_text(value)
        if text is not None and not VIETNAMESE_LETTERS & set(text.lower()):
            wrong.append(f"{where}: {keyword}={text!r} is empty or not Vietnamese")
    assert not wrong, "\n".join(wrong)


def test_every_table_has_a_vietnamese_name_for_its_not_found() -> None:
    tables = {m.class_.__name__ for m in SQLModel._sa_registry.mappers}
    assert tables, "the tables are registered"
    unnamed = sorted(tables - set(OBJECT_VI))
    assert not unnamed, f"add to OBJECT_VI in models/domain/vietnamese.py: {unnamed}"


@pytest.mark.parametrize(("error_type", "ctx", "expected"), [
    ("missing", None, "Trường «location» là bắt buộc nhưng chưa được nhập."),
    ("string_too_long", {"max_length": 255}, "Trường «location» không được dài quá 255 ký tự."),
    ("greater_than_equal", {"ge": 0}, "Trường «location» phải lớn hơn hoặc bằng 0."),
    ("enum", {"expected": "'secret_ballot' or 'show_of_hands'"},
     "Trường «location» chỉ nhận một trong các giá trị: 'secret_ballot' hoặc 'show_of_hands'."),
    ("dict_type", None, "Trường «location» phải là một đối tượng JSON ({…})."),
    ("string_too_long", None, "Trường «location» có giá trị không hợp lệ."),  # its limit not given: still a sentence
    ("a_type_pydantic_adds_later", None, "Trường «location» có giá trị không hợp lệ."),
])
def test_validation_errors_are_worded_by_type(error_type: str, ctx: dict[str, object] | None, expected: str) -> None:
    assert validation_message_vi(error_type, "location", ctx) == expected


def test_a_vote_outcome_and_a_role_refusal_read_as_a_vietnamese_office_writes_them() -> None:
    outcome = count_votes(Tally(8, 0), 11, Threshold(Decimal(80), strictly_more=False))
    assert outcome.describe_vi() == "8/11 thành viên đồng ý, cần ít nhất 9 phiếu: kết quả không đạt"
    assert may([], Action.READ_BLOCK).reason_vi == (
        "Chỉ tài khoản có vai trò «Kiểm tra, giám sát», «Quản trị hệ thống», «Thư ký Hội đồng Thi đua - Khen thưởng», "
        "«Trưởng Khối thi đua» hoặc «Văn phòng Chủ tịch UBND tỉnh» mới được xem hồ sơ của Khối.")
