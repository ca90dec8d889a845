"""Events on real sentences: roots, actors, modality, and sentences that must yield none."""
import pytest

from tests.conftest import corpus_sentence
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


# sentences of the seeds (shipped as the sample) and short constructed ones, one per pattern
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


# Real sentences of corpus articles outside the dev set, read from ../shared/corpus at test time, for every
# CAMEO root the corpus attests with named actors (all but 09 and 20, constructed below) and for each modality:
# (article, the first words of the sentence, an event it yields).
CORPUS_CASES = [
    ("baomoi_2017/0006.txt", "Thủ tướng Merkel", ("DEU", "RUS", "02", "asserted")),
    ("baomoi_2017/0020.txt", "Triều Tiên kêu gọi các", ("PRK", "UN", "02", "asserted")),
    ("baomoi_2017/0014.txt", "Trong diễn văn", ("PRK", "KOR", "03", "asserted")),
    ("baomoi_2017/0007.txt", "Trong chiến dịch", ("USA", "RUS", "03", "asserted")),  # a pledge is root 03, asserted
    ("baomoi_2017/0006.txt", "Thủ tướng Đức", ("DEU", "RUS", "04", "asserted")),
    ("baomoi_2017/0018.txt", "Về phần mình,", ("DEU", "NATO", "04", "planned")),
    ("baomoi_2017/0011.txt", "Chính quyền Syria", ("SYR", "USA", "05", "asserted")),
    ("baomoi_2017/0007.txt", "Đây không phải", ("SYR", "USA", "05", "asserted")),
    ("baomoi_2017/0014.txt", "Washington cũng trừng", ("CHN", "PRK", "06", "asserted")),
    ("baomoi_2017/0014.txt", "Những người chỉ", ("KOR", "PRK", "07", "asserted")),
    ("baomoi_2017/0062.txt", "Báo Guardian đưa", ("PRK", "USA", "08", "asserted")),
    ("baomoi_2017/0029.txt", "Chương trình tên", ("UN", "PRK", "10", "asserted")),
    ("baomoi_2017/0001.txt", "Tổng thống Ukraine Petro Poroshenko hôm", ("UKR", "RUS", "11", "asserted")),
    ("baomoi_2017/0007.txt", "Ông Assad cũng", ("SYR", "UN", "11", "asserted")),
    ("dantri_unc_2020/0094.txt", "Trong khi đó,", ("RUS", "CZE", "12", "asserted")),
    ("vims_2016/0003.txt", "Hàn Quốc bác", ("KOR", "PRK", "12", "asserted")),
    ("baomoi_2017/0015.txt", "Trước đó, Ngoại", ("SYR", "JOR", "13", "asserted")),
    # protesters are the people of the place
    ("vntc_2000s/0050.txt", "Có 15 người", ("AFG", "USA", "14", "asserted")),
    ("baomoi_2017/0015.txt", "Mỹ, Anh và", ("GBR", "SYR", "15", "asserted")),
    ("baomoi_2017/0022.txt", "Tổng thống Donald Trump kêu", ("USA", "PRK", "16", "asserted")),
    ("dantri_unc_2020/0030.txt", "Ngoài Bulgaria, Áo,", ("SWE", "RUS", "16", "asserted")),
    ("baomoi_2017/0034.txt", "Hàn Quốc thu", ("KOR", "PRK", "17", "asserted")),
    # an unnamed attacker: the target is the country where it happened
    ("vims_2016/0006.txt", "Một kẻ đánh", (None, "IRQ", "18", "asserted")),
    ("baomoi_2017/0076.txt", "Mới đây nhất,", ("KOR", "PRK", "18", "planned")),
    ("baomoi_2017/0013.txt", "Chiến sự Palmyra:", ("SYR", "IS", "19", "asserted")),
    ("baomoi_2017/0029.txt", "Nếu chiến tranh", ("JPN", "KOR", "07", "negated")),
    ("baomoi_2017/0014.txt", "Nhiều người nhận", ("KOR", "PRK", "04", "hypothetical")),
]


@pytest.mark.parametrize("doc,anchor,expected", CORPUS_CASES)
def test_corpus_sentences(doc, anchor, expected):
    assert expected in _events(corpus_sentence(doc, anchor))


def test_every_root_has_a_corpus_case():
    roots = {e[2] for *_, e in CORPUS_CASES}
    assert roots >= {f"{r:02d}" for r in range(2, 20)} - {"09"}
    assert {e[3] for *_, e in CORPUS_CASES} == {"asserted", "planned", "hypothetical", "negated"}


def test_investigate():  # constructed: no corpus sentence names who investigates whom
    assert ("UN", "SYR", "09", "asserted") in _events("Liên Hợp Quốc điều tra Syria về các cáo buộc vi phạm nhân quyền.")


def test_mass_violence():  # constructed: no corpus sentence attributes root 20
    assert ("SYR", None, "20", "asserted") not in _events("Syria sử dụng vũ khí hóa học.")  # needs a target
    assert ("SYR", "IS", "20", "asserted") in _events("Syria sử dụng vũ khí hóa học nhằm vào IS.")


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
