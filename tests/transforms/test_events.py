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


# Real sentences from corpus articles outside the dev set, for every CAMEO root the corpus attests with
# named actors (all but 09 and 20, constructed below), and for each modality: (sentence, an event it yields).
CORPUS_CASES = [
    ("Thủ tướng Merkel cũng đề nghị Tổng thống Putin dùng ảnh hưởng của mình với phe ly khai ở Đông Ukraine.",
     ("DEU", "RUS", "02", "asserted")),  # baomoi_2017/0006
    ("Triều Tiên kêu gọi các thành viên Liên Hợp Quốc cân nhắc lại việc áp lệnh trừng phạt với nước này.",
     ("PRK", "UN", "02", "asserted")),  # baomoi_2017/0020
    ("Trong diễn văn đầu năm 2015, Kim Jong-un tuyên bố ông sẵn sàng đối thoại với Hàn Quốc.",
     ("PRK", "KOR", "03", "asserted")),  # baomoi_2017/0014
    ("Trong chiến dịch tranh cử trước đây, Tổng thống Trump từng tuyên bố sẽ hợp tác với Nga trong cuộc chiến chống "
     "khủng bố.", ("USA", "RUS", "03", "asserted")),  # baomoi_2017/0007: a pledge is root 03, asserted
    ("Thủ tướng Đức Angela Merkel ngày 7-2 đã có cuộc điện đàm với Tổng thống Nga Vladimir Putin về tình hình Ukraine.",
     ("DEU", "RUS", "04", "asserted")),  # baomoi_2017/0006
    ("Về phần mình, Thủ tướng Merkel bày tỏ chắc chắn rằng, một quyết định cuối cùng về vấn đề này sẽ được đưa ra tại "
     "hội nghị thượng đỉnh NATO tổ chức ở Brussels vào ngày 25/5 tới.", ("DEU", "NATO", "04", "planned")),  # 0018
    ("Chính quyền Syria hoan nghênh Mỹ tham gia cuộc chiến chống khủng bố.",
     ("SYR", "USA", "05", "asserted")),  # baomoi_2017/0011
    ("Đây không phải lần đầu tiên ông Assad ca ngợi Tổng thống Trump.", ("SYR", "USA", "05", "asserted")),
    ("Washington cũng trừng phạt những doanh nghiệp và ngân hàng Trung Quốc hợp tác với Triều Tiên.",
     ("CHN", "PRK", "06", "asserted")),  # baomoi_2017/0014
    ("Những người chỉ trích cho rằng khoản tiền 4,5 tỷ USD mà Hàn Quốc viện trợ cho Triều Tiên đã giúp Bình Nhưỡng "
     "tăng tốc chương trình vũ khí hạt nhân.", ("KOR", "PRK", "07", "asserted")),  # baomoi_2017/0014
    ("Báo Guardian đưa tin CHDCND Triều Tiên đã thả sinh viên Mỹ Otto Warmbier, được cho là đang trong tình trạng hôn mê.",
     ("PRK", "USA", "08", "asserted")),  # baomoi_2017/0062
    ("Hội đồng Bảo an Liên Hợp Quốc yêu cầu Triều Tiên dừng mọi cuộc thử nghiệm tên lửa đạn đạo và hạt nhân.",
     ("UN", "PRK", "10", "asserted")),  # baomoi_2017/0029
    ("Tổng thống Ukraine Petro Poroshenko hôm 4/2 cáo buộc Nga khiến tình hình thêm căng thẳng.",
     ("UKR", "RUS", "11", "asserted")),  # baomoi_2017/0001
    ("Ông Assad cũng phê phán Liên Hợp Quốc, cho rằng tổ chức này không công bằng.",
     ("SYR", "UN", "11", "asserted")),  # baomoi_2017/0007
    ("Trong khi đó, Nga bác bỏ các cáo buộc của Séc và cho rằng những hành động của Séc chỉ nhằm ủng hộ Mỹ.",
     ("RUS", "CZE", "12", "asserted")),  # dantri_unc_2020/0094
    ("Hàn Quốc bác bỏ đề nghị đàm phán quân sự của Bình Nhưỡng", ("KOR", "PRK", "12", "asserted")),  # vims_2016/0003
    ("Trước đó, Ngoại trưởng Syria Walid al-Moallem đã cảnh báo Jordan rằng Syria sẽ kiên quyết đáp trả mọi sự can "
     "thiệp quân sự.", ("SYR", "JOR", "13", "asserted")),  # baomoi_2017/0015
    ("Có 15 người thiệt mạng trong các vụ biểu tình chống Mỹ tại Afghanistan.",
     ("AFG", "USA", "14", "asserted")),  # vntc_2000s: protesters are the people of the place
    ("Mỹ, Anh và Jordan triển khai quân gần biên giới của Syria", ("GBR", "SYR", "15", "asserted")),  # baomoi_2017/0015
    ("Tổng thống Donald Trump kêu gọi cần trừng phạt mạnh hơn Triều Tiên.", ("USA", "PRK", "16", "asserted")),
    ("Ngoài Bulgaria, Áo, Hà Lan và Thụy Điển gần đây đều trục xuất các nhà ngoại giao Nga vì nghi ngờ họ là gián điệp.",
     ("SWE", "RUS", "16", "asserted")),  # dantri_unc_2020/0030
    ("Hàn Quốc thu giữ máy bay không người lái Triều Tiên năm 2014.", ("KOR", "PRK", "17", "asserted")),
    ("Một kẻ đánh bom liều chết khác đã tấn công vào một khu chợ tại thị trấn Tamiyah, cách thủ đô Baghdad khoảng "
     "31 dặm về phía bắc.", (None, "IRQ", "18", "asserted")),  # vims_2016/0006: unnamed attacker
    ("Mới đây nhất, họ đã cáo buộc các cơ quan tình báo Mỹ và Hàn Quốc có kế hoạch ám sát bất thành lãnh đạo "
     "Kim Jong-un.", ("KOR", "PRK", "18", "planned")),  # baomoi_2017/0076
    ("Chiến sự Palmyra: Quân đội Syria ào ạt tấn công, đánh bạt IS về phía nam",
     ("SYR", "IS", "19", "asserted")),  # baomoi_2017/0013
    ("Nếu chiến tranh xảy ra, Bình Nhưỡng sẽ làm hết sức để ngăn Mỹ và Nhật Bản không thể hỗ trợ Hàn Quốc.",
     ("JPN", "KOR", "07", "negated")),  # baomoi_2017/0029
    ("Nhiều người nhận định rằng, nếu ứng cử viên gốc Triều Tiên Moon Jae-in thắng trong cuộc bầu cử ngày 9/5, nhiều khả "
     "năng Hàn Quốc sẽ ngả theo hướng đối thoại với Triều Tiên, giúp tháo ngòi nổ ở bán đảo Triều Tiên.",
     ("KOR", "PRK", "04", "hypothetical")),  # baomoi_2017/0014
]


@pytest.mark.parametrize("text,expected", CORPUS_CASES)
def test_corpus_sentences(text, expected):
    assert expected in _events(text)


def test_every_root_has_a_corpus_case():
    roots = {e[2] for _, e in CORPUS_CASES}
    assert roots >= {f"{r:02d}" for r in range(2, 20)} - {"09"}
    assert {e[3] for _, e in CORPUS_CASES} == {"asserted", "planned", "hypothetical", "negated"}


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
