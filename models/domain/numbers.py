"""How a document number is written (Decree 30/2020, Annex I), pure."""


def format_number(seq: int, type_code: str, issuer_code: str) -> str:
    """'05/QĐ-UBND': numbers below 10 are zero-padded; no spaces (Decree 30/2020, Annex I)."""
    return f"{seq:02d}/{type_code}-{issuer_code}"
