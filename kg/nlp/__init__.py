"""nlp: the language of an article, analysed once.

Owns sentences with offsets, segmentation (jieba), names of people, organizations and places, the
administrative-division gazetteer (jionlp), times, quantities and numbers (decimals), the lexicons
they read, and the Doc that holds one article's analysis (doc.analyse).

May import: kg.models, kg.errors, kg.ingest (its layout markers: bylines, datelines, the mark of a
garbled stretch). Nothing above (not kg.extract, not kg.rdf).
"""

from kg.nlp.sentences import first_sentence, sentences

__all__ = ["first_sentence", "sentences"]
