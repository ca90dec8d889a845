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
