"""kg: a knowledge-graph builder for Chinese news."""

__version__ = "0.1.0"

from kg.errors import InputError  # noqa: E402
from kg.ingest import read_articles  # noqa: E402
from kg.models import Article, Byline, Paragraph, Sentence, SourceMeta  # noqa: E402

__all__ = ["Article", "Byline", "InputError", "Paragraph", "Sentence", "SourceMeta", "read_articles", "__version__"]
