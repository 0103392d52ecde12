"""Decimal numbers written one way everywhere: no exponent, no trailing zeros (8.6E+7 -> 86000000)."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation


def plain(value: Decimal) -> Decimal:
    """8.6E+7 -> 86000000, 1.50 -> 1.5.

    >>> plain(Decimal("8.6E+7")), plain(Decimal("1.50"))
    (Decimal('86000000'), Decimal('1.5'))
    """
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()


def plain_text(text: str) -> str:
    """The plain form of a decimal written as text ("244.0" -> "244"); other text is returned as it is."""
    try:
        return format(plain(Decimal(text)), "f")
    except InvalidOperation:
        return text
