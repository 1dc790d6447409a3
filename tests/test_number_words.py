"""The prize in words, as a clerk writes "Bằng chữ" on the decision."""

import pytest

from docx_templates.number_words import money_words, number_words


@pytest.mark.parametrize(("amount", "words"), [
    (0, "không đồng"),
    (1_000_000, "một triệu đồng"),
    (1_800_000, "một triệu tám trăm nghìn đồng"),
    (14_400_000, "mười bốn triệu bốn trăm nghìn đồng"),
    (18_720_000, "mười tám triệu bảy trăm hai mươi nghìn đồng"),
    (105_000, "một trăm linh năm nghìn đồng"),
    (1_005_000, "một triệu không trăm linh năm nghìn đồng"),
    (2_340_000, "hai triệu ba trăm bốn mươi nghìn đồng"),
    (15_000, "mười lăm nghìn đồng"),
    (21_000, "hai mươi mốt nghìn đồng"),
    (11_000, "mười một nghìn đồng"),
    (24_000, "hai mươi tư nghìn đồng"),
    (35_000, "ba mươi lăm nghìn đồng"),
    (1_000_010, "một triệu không trăm mười đồng"),
    (7, "bảy đồng"),
    (1_500_000_000, "một tỷ năm trăm triệu đồng"),
    (2_000_000_000_000, "hai nghìn tỷ đồng"),
])
def test_money_words(amount: int, words: str) -> None:
    assert money_words(amount) == words


def test_negative_amount_has_no_words() -> None:
    with pytest.raises(ValueError):
        number_words(-1)
