"""Ingest on real news nobody here wrote (../shared/corpus); skipped where it is absent."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from kg.ingest import read_articles
from tests.conftest import SHARED

CEC = SHARED / "corpus" / "cec-emergency-events" / "raw" / "allSourceText"
SOGOU = SHARED / "corpus" / "sogou-news-mini" / "sogou_mini_2012.jsonl"


@pytest.mark.skipif(not CEC.is_dir(), reason="needs ../shared/corpus")
def test_corpus_cec_files_read_as_single_articles():
    """332 single-article files of real news: almost all stay one article, none fails."""
    problems = []
    found = read_articles([CEC], report=problems.append)
    per_file = Counter(a.path for a in found)
    assert problems == []
    assert len(per_file) == 332
    assert sum(n == 1 for n in per_file.values()) / len(per_file) >= 0.95
    assert sum(a.date is not None for a in found) >= 300  # the date line that opens most files


@pytest.mark.skipif(not SOGOU.is_file(), reason="needs ../shared/corpus")
def test_corpus_sogou_jsonl_title_and_content(tmp_path):
    """Sogou records use title/content: read as headline/text, with bare bylines parsed."""
    records = [json.loads(x) for x in SOGOU.read_text("utf-8").splitlines()[:200]]
    path = tmp_path / "sogou.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records if r.get("content")), "utf-8")
    found = read_articles([path], report=lambda e: None)
    assert len(found) >= 150
    assert all(a.headline and a.text for a in found)
    assert not any("\u3000" in a.text or "０" in a.text for a in found)  # full-width forms normalised
    assert sum(bool(a.bylines) for a in found) >= 5
