from transforms.nlp import sentences_of, split_sentences, tokenize


def test_sentences_and_offsets_on_seed(seed_texts):
    from transforms.article import Document, clean
    a = clean(Document("x", "seed1", seed_texts[0], "utf-8"))
    sentences = sentences_of(a.text, [(s["role"], s["char_start"], s["char_end"]) for s in a.segments])
    assert sentences[0].text == "Mỹ có thể mua tên lửa của Nga" and sentences[0].role == "title"
    for s in sentences:
        assert a.text[s.start:s.end] == s.text
        for w in s.words + s.syllables:
            assert a.text[w.start:w.end] == w.text
    assert any(s.text.startswith("Chính quyền Bush từng thất bại") for s in sentences)  # split at `1972.Chính`


def test_words_group_syllables_once():
    syllables, words = tokenize("Bộ trưởng Quốc phòng Nga Sergei Shoigu dự kiến sẽ tham gia hội đàm.", 100)
    assert [w.text for w in words][:4] == ["Bộ trưởng", "Quốc phòng", "Nga", "Sergei Shoigu"]
    assert len(syllables) > len(words) and syllables[0].start == 100


def test_abbreviations_do_not_end_sentences():
    text = "Tổng thống George W. Bush gặp ông Putin. Hai bên hội đàm."
    assert [text[a:b] for a, b in split_sentences(text)] == ["Tổng thống George W. Bush gặp ông Putin.", "Hai bên hội đàm."]


def test_pos_and_ner_are_lazy_and_cached():
    s = sentences_of("Ông Putin ca ngợi Liên Xô.", [("body", 0, 26)])[0]
    assert s._pos is None
    tags = s.pos()
    assert len(tags) == len(s.words) and s.pos() is tags
    assert len(s.ner()) == len(s.words)


def test_crf_features_are_underthesea_s_on_corpus_sentences():
    """Our linear-time featurizer gives underthesea's feature strings, and so its POS, chunk and NER tags,
    on every sentence of two corpus articles (long news sentences, names, numbers, punctuation)."""
    from tests.conftest import _corpus_sentences
    from transforms.nlp import _chunk_model, _ner_model, _pos_model, crf_features

    for name in ("baomoi_2017/0051.txt", "dantri_unc_2020/0144.txt"):
        for text in _corpus_sentences(name):
            s = sentences_of(text, [("body", 0, len(text))])[0]
            words = [w.text for w in s.words]
            pos = [tag for _, tag in _pos_model().predict(words)] if words else []
            chunked = _chunk_model().predict(list(zip(words, pos))) if words else []
            ner = [row[3] for row in _ner_model().predict(chunked)] if chunked else []
            for model, rows in ((_pos_model(), [(w, "X") for w in words]),
                                (_chunk_model(), [(w, p, "X") for w, p in zip(words, pos)]),
                                (_ner_model(), [(w, p, c, "X") for w, p, (_, _, c) in zip(words, pos, chunked)])):
                assert crf_features(rows, model.transformer.template) == \
                    (model.transformer.sentence2features(rows) if rows else []), text
            assert (s.pos(), s.ner()) == (pos, ner), text
