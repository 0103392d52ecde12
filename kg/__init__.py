"""kg: a knowledge-graph builder for Chinese news."""

__version__ = "0.1.0"

from kg.errors import InputError  # noqa: E402
from kg.ingest import read_articles  # noqa: E402
from kg.models import Article, Byline, Paragraph, Sentence, SourceMeta  # noqa: E402

__all__ = [
    "Article",
    "Byline",
    "InputError",
    "Paragraph",
    "Sentence",
    "SourceMeta",
    "build",
    "read_articles",
    "__version__",
]


def __getattr__(name: str):
    # build() pulls in jieba, jionlp, rdflib and pyshacl: imported on first use, not with the package.
    if name == "build":
        from kg.pipeline import build

        return build
    raise AttributeError(f"module 'kg' has no attribute {name!r}")
