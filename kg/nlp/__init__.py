"""Language side: sentences with offsets (and, later, segmentation and entity recognition)."""

from kg.nlp.sentences import first_sentence, sentences

__all__ = ["first_sentence", "sentences"]
