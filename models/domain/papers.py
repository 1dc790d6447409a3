"""Which printed certificate an award gives its recipients."""

BANG_KHEN = "Bằng khen"


def is_bang_khen(award_name: str) -> bool:
    """A Bằng khen is printed as a Bằng khen; a title (Cờ thi đua, Tập thể lao động xuất sắc, Chiến sĩ thi đua)
    comes with a Giấy chứng nhận of that title (ND 98/2023 Điều 104 lays out both)."""
    return award_name.startswith(BANG_KHEN)
