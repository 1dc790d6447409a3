"""How a document number is written (Decree 30/2020, Annex I), pure."""


def format_number(seq: int, type_code: str, issuer_code: str) -> str:
    """'05/QĐ-UBND': numbers below 10 are zero-padded; no spaces (Decree 30/2020, Annex I)."""
    return f"{seq:02d}/{type_code}-{issuer_code}"


MINUTES_TYPE = "BB"  # Decree 30/2020 Annex III: Biên bản


SYMBOL_LENGTH = 20  # the number register's issuer_code column


def block_symbol(block_code: str) -> str:
    """The symbol a block's papers carry when the registry gives none: its code, or the initials of a code written
    in words with hyphens ('KHOI-KINH-TE' → 'KKT'), since Decree 30 writes the issuer's abbreviation without spaces
    or hyphens. Two codes can share initials, so the block stores the symbol it was given and keeps it unique."""
    words = [w for w in block_code.upper().split("-") if w]
    return ("".join(w[0] for w in words) if len(words) > 1 else "".join(words))[:SYMBOL_LENGTH]


def symbol_problem(symbol: str) -> tuple[str, str] | None:
    """Why a typed symbol cannot stand after the type code in a number ('01/BB-…'), in English and Vietnamese; None
    when it can. A hyphen, slash or space would make the number ambiguous (Decree 30/2020, Annex I)."""
    if not symbol or len(symbol) > SYMBOL_LENGTH or not all(c.isalnum() for c in symbol):
        return (f"the symbol {symbol!r} must be 1 to {SYMBOL_LENGTH} letters or digits, without spaces, hyphens or "
                "slashes",
                f"ký hiệu {symbol!r} phải gồm từ 1 đến {SYMBOL_LENGTH} chữ cái hoặc chữ số, không có dấu cách, "
                "gạch nối hay gạch chéo")
    return None
