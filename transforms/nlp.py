"""Sentences and words with character offsets: underthesea's tokenization run once per sentence.

Every extraction step reads the same `Sentence` objects. Syllable tokenization runs once per sentence;
the costlier CRF steps run only where they pay, on first use, cached on the sentence: word
segmentation (for word boundaries of short triggers, and as input to the taggers), POS tags and
underthesea's NER (Python feature extraction, ~10x the segmentation).

underthesea's public functions return strings without offsets and re-run the whole chain inside
(`ner()` re-tokenizes and re-tags), so this module drives its models directly: its regex syllable
tokenizer on our text (keeping spans), its word-segmentation CRF, and its POS/chunk/NER CRFs on the
words. This coupling is pinned to underthesea 9.5.0 and covered by tests/transforms/test_nlp.py.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from os.path import dirname, join

from transforms.vietnamese import UPPER


@dataclass(slots=True)
class Word:
    text: str
    start: int  # offset in the article text
    end: int


@dataclass
class Sentence:
    index: int  # position among the article's sentences
    start: int  # offset of the sentence in the article text
    end: int
    text: str
    role: str  # the segment role: title, lead, body, heading, caption, byline, related
    paragraph: int = 0  # index of the segment (one line of the article text) that holds the sentence
    syllables: list[Word] = field(default_factory=list)  # underthesea's regex tokens, computed once
    _words: list[Word] | None = None
    _pos: list[str] | None = None
    _ner: list[str] | None = None

    @property
    def words(self) -> list[Word]:
        """Words grouped by underthesea's segmentation CRF, computed once on first use."""
        if self._words is None:
            self._words = group_words(self.syllables, self.text, self.start)
        return self._words

    def word_bounded(self, start: int, end: int) -> bool:
        """True if [start, end) begins and ends on word boundaries (`bắt` is not one inside `bắt đầu`)."""
        starts = {w.start for w in self.words}
        ends = {w.end for w in self.words}
        return start in starts and end in ends

    def pos(self) -> list[str]:
        """POS tags (VLSP tagset: N, Np, V, A, E, ...), computed once on first use."""
        if self._pos is None:
            self._pos = _crf_tags(_pos_model(), [(w.text, "X") for w in self.words])
        return self._pos

    def ner(self) -> list[str]:
        """underthesea's CRF NER tags (BIO: PER, LOC, ORG, MISC), computed once on first use."""
        if self._ner is None:
            tagged = list(zip([w.text for w in self.words], self.pos()))
            chunks = _crf_tags(_chunk_model(), [(w, p, "X") for w, p in tagged])
            self._ner = _crf_tags(_ner_model(), [(w, p, c, "X") for (w, p), c in zip(tagged, chunks)])
        return self._ner


# --- sentence splitting -------------------------------------------------------------------------
_ABBREVIATIONS = {"tp", "mr", "mrs", "ms", "dr", "st", "ths", "ts", "pgs", "gs", "q", "p", "tt", "ông", "bà",
                  "v.v", "vv", "no", "số", "jr", "sr", "co", "inc", "ltd", "corp", "gen", "col", "lt", "sgt"}
_BOUNDARY = re.compile(rf"(?<![.!?…])[.!?…]++[”\"’)\]]*+\s++(?=[“\"‘'(\[]?[{UPPER}0-9])")
_TOKEN_BEFORE = re.compile(r"(?<!\S)(\S+)$")


def _is_abbreviation(text: str, start: int, end: int) -> bool:
    """Whether the last token of text[start:end] is an initial or abbreviation (looks back 40 characters at
    most: a longer token is neither, and rescanning the sentence at every initial would be quadratic)."""
    m = _TOKEN_BEFORE.search(text, max(start, end - 40), end)
    if not m:
        return False
    token = m.group(1).rstrip(".").lower()
    # initials (`George W. Bush`, `B. Provenzano`) and short abbreviations
    return len(token) == 1 and token.isalpha() or token in _ABBREVIATIONS


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) spans of the sentences of one segment (one line of the article text)."""
    spans = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        if _is_abbreviation(text, start, m.start() + 1):
            continue
        end = m.end() - (len(m.group(0)) - len(m.group(0).rstrip()))
        if text[start:end].strip():
            spans.append((start, end))
        start = m.end()
    if text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return spans


# --- underthesea models -------------------------------------------------------------------------
@lru_cache(maxsize=1)
def _syllable_pattern() -> re.Pattern:
    from underthesea.pipeline.word_tokenize.regex_tokenize import patterns
    return patterns


@lru_cache(maxsize=1)
def _segmenter():
    import underthesea.pipeline.word_tokenize as wt
    from underthesea.models.fast_crf_sequence_tagger import FastCRFSequenceTagger
    model = FastCRFSequenceTagger()
    model.load(join(dirname(wt.__file__), "models", "ws_crf_vlsp2013_20230727"))
    return model


@lru_cache(maxsize=1)
def _pos_model():
    from underthesea.pipeline.pos_tag.model_crf import CRFPOSTagPredictor
    return CRFPOSTagPredictor.Instance()


@lru_cache(maxsize=1)
def _fast_pos_model():
    """underthesea's VLSP 2013 POS CRF (2023) through underthesea_core's featurizer: ~2 ms a sentence,
    about six times faster than `_pos_model`, whose features are computed in Python."""
    import underthesea.pipeline.pos_tag as pt
    from underthesea.models.fast_crf_sequence_tagger import FastCRFSequenceTagger
    model = FastCRFSequenceTagger()
    model.load(join(dirname(pt.__file__), "models", "pos_crf_vlsp2013_20230303"))
    return model


def pos_tags(words: list[str]) -> list[str]:
    """VLSP POS tags (N, Np, V, E, C, CH, ...) of a sequence of words."""
    if not words:
        return []
    return [tag[2:] if tag.startswith(("B-", "I-")) else tag for tag in _fast_pos_model().predict([[w] for w in words])]


@lru_cache(maxsize=1)
def _chunk_model():
    from underthesea.pipeline.chunking.model_crf import CRFChunkingPredictor
    return CRFChunkingPredictor.Instance()


@lru_cache(maxsize=1)
def _ner_model():
    from underthesea.pipeline.ner.model_crf import CRFNERPredictor
    return CRFNERPredictor.Instance()


_TEMPLATE = re.compile(r"T\[(?P<index1>\-?\d+)(\,(?P<index2>\-?\d+))?\](\[(?P<column>.*)\])?(\.(?P<function>.*))?")


@lru_cache(maxsize=None)
def _parsed(template: tuple[str, ...]) -> tuple[tuple[str, int, int | None, int, str | None], ...]:
    out = []
    for syntax in template:
        m = _TEMPLATE.match(syntax)
        out.append((f"{syntax}=", int(m.group("index1")), int(m.group("index2")) if m.group("index2") else None,
                    int(m.group("column")) if m.group("column") else 0, m.group("function")))
    return tuple(out)


def crf_features(rows: list[tuple[str, ...]], template: list[str]) -> list[list[str]]:
    """The feature strings of underthesea's `TaggedTransformer.sentence2features` (its `word2features` for
    every token), the same strings in linear time: underthesea rebuilds every column of the sentence and
    parses the template again for each token and feature, quadratic in the sentence's length (most of
    the NER's time on long news sentences). Its `apply_function` still computes each value."""
    from underthesea.pipeline.ner.tagged_feature import apply_function

    n = len(rows)
    columns = [[row[j] for row in rows] for j in range(len(rows[0]))] if rows else []
    features = []
    for i in range(n):
        token = []
        for prefix, first, last, column, function in _parsed(tuple(template)):
            if i + first < 0:
                token.append(f"{prefix}BOS")
                continue
            if i + first >= n or (last is not None and i + last >= n):
                token.append(f"{prefix}EOS")
                continue
            word = " ".join(columns[column][i + first: i + last + 1]) if last is not None else rows[i + first][column]
            token.append(f"{prefix}{apply_function(function, word) if function is not None else word}")
        features.append(token)
    return features


def _crf_tags(predictor, rows: list[tuple[str, ...]]) -> list[str]:
    """The tags one of underthesea's CRF predictors (POS, chunking, NER) gives `rows` (its `predict`, whose
    rows end with the placeholder "X" its templates read), with the features of `crf_features`."""
    if not rows:
        return []
    return predictor.model.tag(crf_features(rows, predictor.transformer.template))


def syllables_of(text: str, offset: int = 0) -> list[Word]:
    """underthesea's regex tokens (syllables, numbers, punctuation) with offsets shifted by `offset`."""
    return [Word(m.group(0), m.start() + offset, m.end() + offset) for m in _syllable_pattern().finditer(text)]


def tokenize(text: str, offset: int = 0) -> tuple[list[Word], list[Word]]:
    """(syllables, words) of a sentence: `Bộ`, `trưởng` and `Bộ trưởng`; offsets shifted by `offset`."""
    syllables = syllables_of(text, offset)
    return syllables, group_words(syllables, text, offset)


def group_words(syllables: list[Word], text: str, offset: int) -> list[Word]:
    """Group syllables into words with the segmentation CRF."""
    if not syllables:
        return []
    tags = _segmenter().predict([[s.text] for s in syllables])
    words: list[Word] = []
    for tag, syl in zip(tags, syllables):
        if tag == "I-W" and words:
            words[-1] = Word(text[words[-1].start - offset: syl.end - offset], words[-1].start, syl.end)
        else:
            words.append(syl)
    return words


def sentences_of(text: str, segments: list[tuple[str, int, int]]) -> list[Sentence]:
    """Split each (role, start, end) segment of the article text into tokenized sentences."""
    out: list[Sentence] = []
    for paragraph, (role, seg_start, seg_end) in enumerate(segments):
        seg_text = text[seg_start:seg_end]
        for s, e in split_sentences(seg_text):
            start, end = seg_start + s, seg_start + e
            sentence = Sentence(len(out), start, end, text[start:end], role, paragraph)
            sentence.syllables = syllables_of(sentence.text, start)
            out.append(sentence)
    return out
