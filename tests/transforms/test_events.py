"""Events on real sentences: roots, actors, modality, and sentences that must yield none."""
import pytest

from transforms.article import Document, clean, extract
from transforms.events import sentence_events
from transforms.mentions import article_mentions
from transforms.nlp import sentences_of
from transforms.timexes import PartialDate, recognize, resolve


def _events(text: str, dct: str = "2013-08-08"):
    sentences = sentences_of(text, [("body", 0, len(text))])
    mentions = article_mentions(sentences)
    timexes = resolve(recognize(sentences), PartialDate.parse(dct))
    out = []
    for s in sentences:
        out += sentence_events(s, [m for m in mentions if m.sentence_index == s.index],
                               [t for t in timexes if t.sentence_index == s.index], PartialDate.parse(dct))
    return [(e.source_actor_code, e.target_actor_code, e.event_root_code, e.modality) for e in out]


@pytest.mark.parametrize("text,expected", [
    ("Ngày 9/8, Bộ trưởng Quốc phòng Nga Sergei Shoigu dự kiến sẽ tham gia vào hội đàm với Bộ trưởng Quốc phòng "
     "Mỹ Chuck Hagel.", ("RUS", "USA", "04", "planned")),
    ("NATO từ chối đảm bảo về mặt pháp lý cho Nga.", ("NATO", "RUS", "12", "asserted")),
    ("Hiện Mỹ chưa sẵn sàng chia sẻ công nghệ với Trung Quốc.", ("USA", "CHN", "03", "negated")),
    ("Mỹ có thể mua tên lửa của Nga.", ("USA", "RUS", "06", "hypothetical")),
    ("Philippines phản đối Trung Quốc.", ("PHL", "CHN", "11", "asserted")),
    ("Indonesia kêu gọi Australia hỗ trợ.", ("IDN", "AUS", "02", "asserted")),
    ("Triều Tiên đe dọa tấn công Hàn Quốc.", ("PRK", "KOR", "13", "asserted")),
    ("Mỹ áp đặt lệnh trừng phạt đối với Triều Tiên.", ("USA", "PRK", "16", "asserted")),
    ("Nhật Bản cam kết viện trợ cho Philippines.", ("JPN", "PHL", "03", "asserted")),
])
def test_roots_actors_and_modality(text, expected):
    assert expected in _events(text)


def test_drill_without_target():
    assert ("PRK", None, "15", "asserted") in _events("Triều Tiên phóng thử tên lửa.")


@pytest.mark.parametrize("text", ["Nga tuyên bố sẽ tăng cường quốc phòng.",  # a statement without addressee
                                  "Quân đội Mỹ tấn công Mỹ.",  # same-country pair
                                  "Giá dầu tăng mạnh trong tuần."])
def test_no_event(text):
    assert _events(text) == []


def test_seeds_yield_their_gold_dyads(seed_texts):
    for text, dct, dyad in ((seed_texts[0], "2001-05-29", ("USA", "RUS")), (seed_texts[1], "2013-08-08", ("RUS", "USA"))):
        x = extract(clean(Document("x", "seed.txt", text, "utf-8", published=dct)))
        dyads = {(e.source_actor_code, e.target_actor_code) for e in x.events}
        assert dyad in dyads
    x = extract(clean(Document("x", "seed.txt", seed_texts[0], "utf-8", published="2001-05-29")))
    meeting = [e for e in x.events if e.event_root_code == "04" and e.event_date == "2001-06-16"]
    assert meeting and meeting[0].modality == "planned"
