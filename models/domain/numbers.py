"""How a document number is written (Decree 30/2020, Annex I), pure."""


def format_number(seq: int, type_code: str, issuer_code: str) -> str:
    """'05/QĐ-UBND': numbers below 10 are zero-padded; no spaces (Decree 30/2020, Annex I)."""
    return f"{seq:02d}/{type_code}-{issuer_code}"


MINUTES_TYPE = "BB"  # Decree 30/2020 Annex III: Biên bản


def block_symbol(block_code: str) -> str:
    """The symbol a block's own papers carry: its code, or the initials of a code written in words with hyphens
    ('KHOI-KINH-TE' → 'KKT'), since Decree 30 writes the issuer's abbreviation without spaces or hyphens."""
    words = [w for w in block_code.upper().split("-") if w]
    return "".join(w[0] for w in words) if len(words) > 1 else "".join(words)
