"""Vietnamese number words for amounts of money: 18_720_000 → "mười tám triệu bảy trăm hai mươi nghìn đồng".

Pure, no docx import. The rules are those a clerk applies when writing "Bằng chữ" on a payment document:
- groups of three digits named nghìn, triệu, tỷ (then nghìn tỷ, triệu tỷ, tỷ tỷ);
- a group that is all zeros is left out ("một triệu", not "một triệu không nghìn");
- a group after the first is read with its hundreds, even zero ("một triệu không trăm linh năm nghìn");
- "linh" for a zero tens digit before ones, "mười" for ten, "mươi" for twenty and up;
- ones after a tens word of twenty and up: 1 is "mốt", 4 is "tư", 5 is "lăm"; after "mười" 5 is "lăm".
"""

from __future__ import annotations

from typing import Final

_DIGITS: Final = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
_SCALES: Final = ("", "nghìn", "triệu", "tỷ")


def number_words(n: int) -> str:
    """ "một triệu không trăm linh năm nghìn" for 1_005_000; "không" for 0."""
    if n < 0:
        raise ValueError(f"no words for a negative amount: {n}")
    if n == 0:
        return _DIGITS[0]
    groups: list[int] = []
    while n:
        n, group = divmod(n, 1000)
        groups.append(group)
    words: list[str] = []
    for index in range(len(groups) - 1, -1, -1):
        group = groups[index]
        if group == 0:
            continue
        leading = index == len(groups) - 1
        words.append(_group_words(group, full=not leading))
        scale = _scale(index)
        if scale:
            words.append(scale)
    return " ".join(words)


def money_words(amount: int) -> str:
    """ "mười tám triệu bảy trăm hai mươi nghìn đồng"."""
    return f"{number_words(amount)} đồng"


def _scale(index: int) -> str:
    # Above tỷ the names repeat: 10^12 is "nghìn tỷ", 10^15 "triệu tỷ", 10^18 "tỷ tỷ".
    if index < len(_SCALES):
        return _SCALES[index]
    return f"{_scale(index - 3)} tỷ".strip()


def _group_words(group: int, *, full: bool) -> str:
    """Words for 1–999; `full` reads the hundreds even when zero (a group after the first)."""
    hundreds, rest = divmod(group, 100)
    tens, ones = divmod(rest, 10)
    words: list[str] = []
    if hundreds or full:
        words += [_DIGITS[hundreds], "trăm"]
    if tens == 0:
        if ones:
            words += ["linh", _DIGITS[ones]] if words else [_DIGITS[ones]]
    elif tens == 1:
        words += ["mười"] + ([_ones_after_ten(ones)] if ones else [])
    else:
        words += [_DIGITS[tens], "mươi"] + ([_ones_after_tens(ones)] if ones else [])
    return " ".join(words)


def _ones_after_ten(ones: int) -> str:
    return "lăm" if ones == 5 else _DIGITS[ones]


def _ones_after_tens(ones: int) -> str:
    return {1: "mốt", 4: "tư", 5: "lăm"}.get(ones, _DIGITS[ones])
