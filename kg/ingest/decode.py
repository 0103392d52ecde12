"""Bytes -> text: UTF-8 (BOM or not), UTF-16 with BOM, GB18030/GBK, or what charset-normalizer recognises."""

from __future__ import annotations

import codecs
from pathlib import Path

from charset_normalizer import from_bytes

from kg.errors import InputError

_GB = {"gb18030", "gbk", "gb2312", "hz"}
# Share of control characters (other than tab and line breaks) above which "text" is really binary.
_MAX_CONTROL = 0.01


def _han_share(text: str) -> float:
    return sum(0x4E00 <= ord(c) <= 0x9FFF for c in text) / max(len(text), 1)


def _plausible(text: str) -> bool:
    """Does decoded text look like Chinese or Latin writing rather than noise?"""
    ok = sum(
        c.isascii()
        or 0x3000 <= ord(c) <= 0x9FFF
        or 0xFF00 <= ord(c) <= 0xFFEF
        or ord(c) in (0x2014, 0x2026, 0x201C, 0x201D, 0x2018, 0x2019)
        for c in text
    )
    return ok >= 0.5 * len(text)


def _control_share(text: str) -> float:
    return sum(ord(c) < 32 and c not in "\t\n\r\f\v" for c in text) / max(len(text), 1)


def decode(data: bytes, path: str | Path) -> str:
    """Decode a file's bytes, or raise InputError naming the file.

    >>> decode("四川省".encode("gb18030"), "x.txt")
    '四川省'
    """
    if not data.strip():
        raise InputError(path, "empty file")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = data.decode("utf-16")
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = _guess(data, path)
    if _control_share(text) > _MAX_CONTROL or not _plausible(text):
        raise InputError(path, "binary data, not text")
    if not text.strip():
        raise InputError(path, "empty file")
    return text


def _guess(data: bytes, path: str | Path) -> str:
    if b"\x00" in data:
        raise InputError(path, "binary data, not text")
    best = from_bytes(data).best()
    guess = str(best) if best is not None else None
    if best is None or best.encoding not in _GB:
        # Short Chinese texts are often taken for Big5 or a Latin code page; simplified
        # Chinese news is GB18030 far more often, so prefer it when it decodes cleanly.
        try:
            gb = data.decode("gb18030")
        except UnicodeDecodeError:
            gb = None
        if gb is not None and _han_share(gb) > 0.2 and _han_share(gb) >= _han_share(guess or ""):
            guess = gb
    if guess is None:
        raise InputError(path, "not text in any known encoding (binary or undecodable)")
    return guess
