"""Bytes -> text: UTF-8 (BOM or not), UTF-16 with BOM, GB18030/GBK, or what charset-normalizer recognises."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from charset_normalizer import from_bytes

from kg.errors import InputError

_GB = {"gb18030", "gbk", "gb2312", "hz"}
# Share of control characters (other than tab and line breaks) above which "text" is really binary.
_MAX_CONTROL = 0.01


# Counted by deleting what a class matches and measuring what is left: whole files go through these.
_HAN = re.compile("[\u4e00-\u9fff]")
# ASCII, CJK symbols to unified ideographs, full-width forms, and — … “ ” ‘ ’
_WRITING = re.compile("[\x00-\x7f\u3000-\u9fff\uff00-\uffef\u2014\u2026\u201c\u201d\u2018\u2019]")
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f]")  # control characters but tab and line breaks (\t\n\v\f\r)


def _share(pattern: re.Pattern, text: str) -> float:
    return (len(text) - len(pattern.sub("", text))) / max(len(text), 1)


def _han_share(text: str) -> float:
    return _share(_HAN, text)


def _plausible(text: str) -> bool:
    """Does decoded text look like Chinese or Latin writing rather than noise?"""
    return _share(_WRITING, text) >= 0.5 or not text


def _control_share(text: str) -> float:
    return _share(_CONTROL, text)


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
