"""The event coder on real sentences of corpus articles outside the gold dev set, read from ../shared at test
time (no article text in the repo). Each case names an article and the first words of a sentence, and
asserts the exact set of events (source, target, root, modality) the sentence yields, read in its article
(so the subject carried over and the story's armed group are those of the real text). One table per
pattern of the coder; a few constructed sentences remain where the corpus has no example, labelled so.
"""
import functools

import pytest

from tests.conftest import corpus_sentence, read_corpus
from transforms import events as ev
from transforms.article import Document, clean, extract
from transforms.clauses import cues
from transforms.decode import decode_bytes
from transforms.nlp import sentences_of
from transforms.timexes import PartialDate, recognize, resolve


@functools.lru_cache(maxsize=None)
def _article(doc: str):
    article = clean(Document(doc, doc, decode_bytes(read_corpus(doc)).text, "utf-8"))
    x = extract(article)
    segments = [(s["role"], s["char_start"], s["char_end"]) for s in article.segments]
    return ev.events_by_sentence(sentences_of(article.text, segments), x.mentions, x.timexes, x.published.date)


def sentence_events(doc: str, anchor: str) -> set[tuple]:
    """The events of the sentence of `doc` that starts with `anchor`, as (source, target, root, modality)."""
    sentence = corpus_sentence(doc, anchor)
    for s, events in _article(doc):
        if s.text == sentence:
            return {(e.source_actor_code, e.target_actor_code, e.event_root_code, e.modality) for e in events}
    raise AssertionError(f"{anchor!r} is not an event sentence of {doc}")


def _cases(table):
    return pytest.mark.parametrize("doc,anchor,expected", table, ids=[f"{d}:{a[:20]}" for d, a, _ in table])


COORDINATION = [
    # `thì` opens the main clause after `Trong khi …`: the supporters' target is not in the opposers' clause; a
    # subject list that names a plural (`Mỹ và đồng minh gồm Hàn Quốc, Nhật Bản`) acts with the actor before it
    ("vims_2016/0010.txt", "Trong khi Trung Quốc và Nga ủng hộ", {("CHN", "PRK", "05", "asserted"),
                                                                  ("RUS", "PRK", "05", "asserted"),
                                                                  ("USA", "PRK", "11", "asserted"),
                                                                  ("KOR", "PRK", "11", "asserted"),
                                                                  ("JPN", "PRK", "11", "asserted")}),
    # `giữa A và B` pairs A and B only for a meeting or a fight, or right after the trigger: opposing contacts
    # between Taiwan and the US is China's act towards both
    ("dantri_unc_2020/0089.txt", "Bắc Kinh thường xuyên phản đối", {("CHN", "TWN", "11", "asserted"),
                                                                    ("CHN", "USA", "11", "asserted")}),
    # a comma list runs to its last member before the predicate; `đề nghị hỗ trợ Indonesia` offers aid (03)
    ("dantri_unc_2020/0086.txt", "Ngoài Mỹ, thì Pháp", {(c, "IDN", "03", "asserted") for c in (
        "FRA", "DEU", "RUS", "TUR", "KOR", "IND", "SGP", "MYS")}),
    # a generic plural subject that a list names: one event per listed country
    ("dantri_unc_2020/0027.txt", "Nhiều nước trên thế giới", {("USA", "IND", "07", "asserted"),
                                                             ("SGP", "IND", "07", "asserted")}),
    ("dantri_unc_2020/0065.txt", "Nhiều nước, trong đó", {("CHN", "IND", "03", "asserted")}),
    # a plural subject of the clause a reported act depends on, named by a two-member list (`Các nước, trong đó có
    # Mỹ, EU tuyên bố hỗ trợ …`)
    ("dantri_unc_2020/0046.txt", "Các nước, trong đó có Mỹ, EU", {("USA", "IND", "07", "asserted"),
                                                                 ("EU", "IND", "07", "asserted")}),
    # a plural with a quantifier (`hàng loạt quốc gia`) named by a list after the object (`… cho Ấn Độ gồm Nga, …`)
    ("dantri_unc_2020/0036.txt", "Ngoài Mỹ, hàng loạt quốc gia", {(c, "IND", "07", "asserted") for c in (
        "RUS", "FRA", "DEU", "AUS", "IRL", "BEL", "ROU", "LUX", "SGP", "PRT", "SWE", "NZL", "KWT", "MUS")}),
    # a plural object named by a list (`sang các nước láng giềng, bao gồm …`), with an actor coordinated before it
    ("dantri_unc_2020/0135.txt", "Theo The Hindu, Ấn Độ khó", {("IND", c, "06", "hypothetical") for c in (
        "BGD", "NPL", "LKA")}),
    ("baomoi_2017/0097.txt", "Tháng 5/2017, Hạ viện Mỹ", {("USA", c, "16", "asserted") for c in ("SYR", "RUS", "IRN")}),
    # a subject joined by a plural a list names (`Mỹ và một số đồng minh như Anh`); names joined by a dash (`Mỹ -
    # Ukraine đàm phán`)
    ("dantri_unc_2020/0110.txt", "Mỹ và một số đồng minh như Anh", {("USA", "CHN", "11", "asserted"),
                                                                   ("GBR", "CHN", "11", "asserted")}),
    ("baomoi_2017/0074.txt", "Mỹ - Ukraine đàm phán", {("UKR", "USA", "04", "asserted"), ("USA", "UKR", "04", "asserted")}),
    # coordinated subjects acting on each other (`đổ lỗi cho nhau`): one event each way
    ("dantri_unc_2020/0142.txt", "Nga và Ukraine đã đổ lỗi cho nhau", {("RUS", "UKR", "11", "asserted"),
                                                                    ("UKR", "RUS", "11", "asserted")}),
    # a plural object named by a list after `bao gồm cả`
    ("dantri_unc_2020/0150.txt", "EU kêu gọi các nước liên quan", {("EU", "CHN", "02", "asserted"),
                                                                 ("EU", "PHL", "02", "asserted")}),
    # coordinated objects
    ("dantri_unc_2020/0071.txt", "Ngoài ra, Indonesia", {("IDN", "SGP", "02", "asserted"),
                                                        ("IDN", "AUS", "02", "asserted")}),
    # (a joint drill is also each participant's show of force: see test_a_joint_drill_is_cooperation_and_…)
    ("baomoi_2017/0098.txt", "Và hành động mới nhất", {("USA", "JPN", "06", "asserted"),
                                                       ("USA", "KOR", "06", "asserted"), ("USA", None, "15", "asserted"),
                                                       ("JPN", None, "15", "asserted"), ("KOR", None, "15", "asserted")}),
    # coordinated subjects of a trigger and of its targetless drill
    ("baomoi_2017/0015.txt", "Mỹ, Anh và", {("USA", "SYR", "15", "asserted"), ("GBR", "SYR", "15", "asserted"),
                                            ("JOR", "SYR", "15", "asserted")}),
    # `giữa A và B`, and a mutual act of coordinated subjects
    ("baomoi_2017/0053.txt", "Cuộc bỏ phiếu", {("USA", "CHN", "04", "asserted")}),
    ("baomoi_2017/0050.txt", "Đây là nghị quyết đầu tiên", {("USA", "CHN", "05", "asserted")}),
    # (a pledge has a direction: each pledges it to the other)
    ("baomoi_2017/0086.txt", "Hàn Quốc và Đức cam kết", {("KOR", "DEU", "03", "asserted"), ("DEU", "KOR", "03", "asserted")}),
    # a comma before a new clause's subject is no coordination (`…ủng hộ Hàn Quốc, Triều Tiên sẽ …`)
    ("baomoi_2017/0029.txt", "Vì thế, Triều Tiên", {("JPN", "KOR", "05", "hypothetical"),
                                                   ("USA", "KOR", "05", "hypothetical"),
                                                   ("PRK", "JPN", "19", "hypothetical")}),
]

NULL_ACTORS = [
    # a bomb that goes off, and fighting that breaks out, with no side named: an attack by someone unknown on the
    # place's country; a fight stays a fight (19)
    ("vntc_2000s/0020.txt", "Sáng nay, 3 quả bom phát nổ", {(None, "THA", "18", "asserted")}),
    ("vntc_2000s/0057.txt", "Philippines: Giao tranh bùng nổ", {(None, "PHL", "19", "asserted")}),
    # missiles fired with no target named are a launch (15), fired into a country an attack
    ("baomoi_2017/0059.txt", "Hôm 8/5 vừa qua, Quân đội Hàn Quốc", {("PRK", None, "15", "asserted")}),
    ("baomoi_2017/0029.txt", "Tuy nhiên, theo các học giả Nhật Bản", {("PRK", "JPN", "19", "hypothetical")}),
    # an appeal to a generic addressee that no list names has no target (`kêu gọi các bên liên quan phối hợp …`)
    ("baomoi_2017/0100.txt", "Ông cũng kêu gọi các bên liên quan", {("CHN", None, "02", "asserted")}),
    # drills and tests have no target, and borrow none from the sentence
    ("baomoi_2017/0027.txt", "Trước đó, hôm 12/2", {("PRK", None, "15", "asserted")}),
    ("dantri_unc_2020/0035.txt", "Hạm đội Biển Đen", {("RUS", None, "15", "asserted")}),
    # an attacker the text does not name: source null, the target the country of the place
    ("vims_2016/0006.txt", "Một kẻ đánh", {(None, "IRQ", "18", "asserted")}),
    ("baomoi_2017/0054.txt", "Một quan chức Triều Tiên ngày 3/6", {("PRK", "USA", "13", "asserted"),  # into the US
                                                                  (None, "PRK", "18", "hypothetical")}),
    # an air strike in a story about an armed group is not the group's; `thị trấn Ahmad Wal` is no Kuwaiti
    # Ahmad (a place is a whole capitalized name); its target, the Taliban's leader, stands for the Taliban
    ("vims_2016/0051.txt", "Báo cáo từ Lầu Năm Góc", {(None, "Taliban", "18", "hypothetical")}),
]

REPORTED_SPEECH = [
    # `nêu` takes a noun (`nêu điều kiện yêu cầu …`): no reported clause opens after it (`nêu rõ` does)
    ("vims_2016/0004.txt", "Trong khi Triều Tiên tỏ ý muốn", {("KOR", "PRK", "10", "asserted")}),
    # a quote's `Chúng tôi` is the speaker who closes it (`…", người phát ngôn Bộ Ngoại giao Trung Quốc cảnh báo.`);
    # with no receiver named it takes none from the story (`“Chúng tôi có cam kết sâu sắc …`)
    ("dantri_unc_2020/0137.txt", "Chúng tôi kêu gọi Mỹ và Nhật Bản", {("CHN", "USA", "02", "asserted"),
                                                                   ("CHN", "JPN", "02", "asserted")}),
    # a sentence opening with a verb phrase up to a comma is fronted: its subject is the main clause's
    # (`Nhất trí ý kiến với Tổng thống Trump, người đồng cấp Hàn Quốc Moon Jae-in cho rằng …`), and the
    # place it names is no subject (`Phát biểu tại … ở Myanmar …, Ngoại trưởng Mỹ John Kerry cho biết …`);
    # refusing to confirm is no rejection of whom the confirmation is about
    ("baomoi_2017/0080.txt", "Nhất trí ý kiến với", {("KOR", "USA", "05", "asserted")}),
    ("baomoi_2017/0100.txt", "Phản ứng về thông tin trên", {("CHN", "USA", "11", "asserted")}),
    # (`khi đang ở thăm nước này` after the fronted phrase is Kerry's visit to Myanmar)
    ("vims_2016/0049.txt", "Phát biểu tại một cuộc họp báo", {("USA", "PAK", "04", "asserted"),
                                                             ("USA", "MMR", "04", "asserted"),
                                                             ("USA", "Taliban", "19", "asserted")}),
    # the subject of the reported clause acts, not the speaker; a pronoun in it is the speaker
    ("baomoi_2017/0014.txt", "Trong diễn văn", {("PRK", "KOR", "03", "asserted")}),
    ("dantri_unc_2020/0024.txt", "Trong cuộc họp báo ngày 22/4", {("CHN", "AUS", "02", "asserted")}),
    ("baomoi_2017/0062.txt", "Báo Guardian đưa", {("PRK", "USA", "08", "asserted")}),
    # the speaker's own noun subject (`vật thể phóng ra`) is no actor: no event for the speaker
    ("baomoi_2017/0041.txt", "Bộ Chỉ huy Thái Bình Dương", set()),
    # `tuyên bố sẽ hợp tác`: a pledge, which happened (root 03)
    ("baomoi_2017/0007.txt", "Trong chiến dịch", {("USA", "RUS", "03", "asserted")}),
]

CARRIED_OVER = [
    # the actor right after the word that opens a subordinate clause (`sau khi Mỹ cáo buộc nước này …`) is its
    # subject, not the object of a preposition
    ("vntc_2000s/0004.txt", "Các nhân viên IAEA", {("USA", "PRK", "11", "asserted")}),
    # a person named after a role noun and a country (`sinh viên Mỹ Otto Warmbier`) is that country's, also where
    # the story names them again alone
    ("baomoi_2017/0067.txt", "Warmbier được Triều Tiên phóng thích", {("PRK", "USA", "08", "asserted")}),
    ("baomoi_2017/0062.txt", "Warmbier bị Triều Tiên buộc tội", {("PRK", "USA", "11", "asserted")}),
    # an opening time clause with no subject is the main subject's (`Sau khi chỉ trích Ấn Độ …, truyền thông nhà
    # nước Trung Quốc …`); a received request was made by whom `từ` names (`nhận được yêu cầu hỗ trợ từ …`)
    ("dantri_unc_2020/0143.txt", "Sau khi chỉ trích Ấn Độ", {("CHN", "IND", "11", "asserted"), ("CHN", "USA", "11", "asserted"),
                                                            ("USA", "IND", "07", "negated")}),
    # (a request for aid is an appeal for aid, 02)
    ("dantri_unc_2020/0115.txt", "Bộ trưởng Quốc phòng Ng Eng Hen", {("IDN", "SGP", "02", "asserted")}),
    # an organization named by reference (`khối quân sự này`, `tổ chức này`) is the one named last
    ("vims_2016/0022.txt", "Vào tháng 5, khối quân sự này", {("NATO", "ROU", "07", "asserted")}),
    ("dantri_unc_2020/0046.txt", "Người đứng đầu WHO cho biết", {("WHO", "IND", "07", "asserted")}),
    # a subordinate clause's own subject right after its opener (`kể từ khi Triều Tiên thường xuyên thử tên lửa`)
    ("vims_2016/0002.txt", "Quan hệ Triều Tiên – Hàn Quốc", {("PRK", None, "15", "asserted"),
                                                             ("KOR", "USA", "06", "asserted"),
                                                             ("KOR", None, "15", "asserted"), ("USA", None, "15", "asserted")}),
    # `Ông cũng …`: the subject named in the sentences before
    ("vntc_2000s/0052.txt", "Ông cũng cáo buộc", {("PRK", "USA", "11", "asserted")}),
    ("dantri_unc_2020/0109.txt", "Ông cũng bảo vệ", {("USA", "AFG", "08", "planned")}),
    ("vntc_2000s/0038.txt", "Bà cũng hối thúc", {("GBR", "IRQ", "02", "asserted")}),
    # a receiver the text leaves to context: the subject named before (`phản đối hành động này`); a missile
    # launched into a country's waters is a show of force, no attack (`phóng 1 tên lửa … vào vùng đặc quyền kinh tế
    # của Nhật Bản`; the segmenter glues `Tiên phóng` after a fronted time, a word that begins after a name)
    ("baomoi_2017/0057.txt", "Cuối tháng trước", {("JPN", "PRK", "11", "asserted"), ("PRK", "JPN", "15", "asserted")}),
]

FRAMES = [
    # a mobilization is a show of force where it is sent near a country (`điều động nhóm tác chiến tàu sân bay … tới
    # gần bán đảo Triều Tiên`: `nhóm tác chiến` one noun), none when it stays at home (`điều động các lực lượng vũ
    # trang tới hỗ trợ các bệnh viện`)
    ("baomoi_2017/0016.txt", "Nhưng ngay sau đó, ông Trump", {("USA", "PRK", "15", "asserted")}),
    ("dantri_unc_2020/0027.txt", "Hôm 26/4, Ấn Độ đã điều động", set()),
    # sent to go and help (`điều động tàu cứu hộ … tới hỗ trợ hải quân Indonesia`: the help is a verb, not the object
    # of `tới`); a rescue team sent to a country is aid, pledged with `sẽ` in a reported clause
    ("dantri_unc_2020/0108.txt", "Hải quân Ấn Độ cũng điều động", {("IND", "IDN", "07", "asserted")}),
    ("dantri_unc_2020/0108.txt", "Người phát ngôn Lầu Năm Góc John Kirby", {("USA", "IDN", "03", "asserted")}),
    # wanting another to act asks them (02); wanting one's own act is an intent (03); anger, displeasure and
    # solidarity said as nouns after `bày tỏ sự …` are acts towards whom they name
    ("baomoi_2017/0019.txt", "Tuy nhiên, Mỹ vẫn muốn Trung Quốc", {("USA", "CHN", "02", "asserted")}),
    ("baomoi_2017/0051.txt", "Mặc dù Mỹ muốn hợp tác", {("USA", "CHN", "03", "asserted"), ("USA", "CHN", "12", "asserted")}),
    ("vims_2016/0095.txt", "Thủ tướng Italy Matteo Renzi", {("ITA", "EGY", "05", "asserted")}),
    # an offer to help do something (`đề nghị giúp đỡ tìm kiếm hộp đen`) is aimed at the story's country
    ("vims_2016/0095.txt", "Anh và Hy Lạp cũng đã đề nghị", {("GBR", "EGY", "03", "asserted"),
                                                            ("GRC", "EGY", "03", "asserted")}),
    ("baomoi_2017/0095.txt", "“Trung Quốc không hài lòng", {("CHN", "PRK", "11", "asserted")}),
    ("baomoi_2017/0082.txt", "Ông Trump nổi giận", {("USA", "PRK", "11", "asserted")}),
    # a country put in another's sights undergoes a threat (`Romania và Ba Lan sẽ nằm trong tầm ngắm của tên lửa Nga`)
    # (the same sentence's consent to US bases, `đồng ý cho Mỹ …`, is coded as an intent)
    ("vims_2016/0022.txt", "Tuyên bố của ông Macierewicz", {("RUS", "ROU", "13", "planned"), ("RUS", "POL", "13", "planned"),
                                                           ("ROU", "USA", "03", "asserted"), ("POL", "USA", "03", "asserted")}),
    # attending a summit is meeting its organization; a promise to meet is a pledge (03); `đả kích` is criticism
    ("dantri_unc_2020/0059.txt", "Thống tướng Min Aung Hlaing", {("MMR", "ASEAN", "04", "asserted")}),
    ("vims_2016/0010.txt", "Người này còn nhắc lại việc", {("USA", "PRK", "03", "asserted")}),
    ("dantri_unc_2020/0143.txt", "Trong tuần qua, truyền thông nhà nước", {("CHN", "USA", "11", "asserted")}),
    # missiles fired into a base are an attack whatever the missile's name (`phóng 59 quả tên lửa hành trình Tomahawk
    # vào căn cứ không quân Syria`); lifting an embargo is easing sanctions (08), not imposing them
    ("baomoi_2017/0030.txt", "Hồi tháng 4, Tổng thống Mỹ Donald Trump", {("USA", "SYR", "19", "asserted")}),
    # `vào dịp kỷ niệm quốc khánh Mỹ`: a time, so the launch has no target (a drill or a test has none)
    ("baomoi_2017/0082.txt", "Năm 2009, Triều Tiên cũng phóng", {("PRK", None, "15", "asserted")}),
    # an air strike whose maker is not named stays military force (19), not an assault by someone unknown
    ("baomoi_2017/0075.txt", "Lực lượng này có thể được sử dụng", {(None, "SYR", "19", "hypothetical")}),
    ("vims_2016/0068.txt", "Hôm qua 23/5, trong chuyến thăm", {("USA", "VNM", "04", "asserted"),
                                                               ("USA", "VNM", "08", "asserted")}),
    # with `lệnh` between the lifting verb and the embargo (`gỡ bỏ lệnh cấm vận vũ khí`)
    ("vims_2016/0063.txt", "Cuộc tiếp xúc kéo dài khoảng nửa giờ", {("USA", "VNM", "04", "asserted"),
                                                                   ("USA", "VNM", "08", "asserted")}),
    # a deployment noun aimed at the country whose border it nears (`đợt triển khai quân sự … ở khu vực giáp biên giới
    # Ukraine`)
    ("dantri_unc_2020/0117.txt", "Đây là đợt triển khai quân sự lớn nhất", {("RUS", "UKR", "15", "asserted")}),
    # a drill with a partner named by reference (`tập trận với quân đội nước này`) is a joint exercise (06)
    ("baomoi_2017/0099.txt", "Hiện Mỹ duy trì khoảng", {("USA", "KOR", "06", "asserted"), ("USA", None, "15", "asserted"),
                                                        ("KOR", None, "15", "asserted")}),
    # `điều động` is a show of force only of forces (trains and planes carrying oxygen are no event)
    ("dantri_unc_2020/0133.txt", "Để giải tỏa một phần", set()),
    # missiles fired into a base are an attack (19), where a launch with no target is a test (15)
    ("baomoi_2017/0067.txt", "Tuy nhiên, ông cho rằng nếu so sánh", {("USA", "SYR", "19", "hypothetical"),
                                                                     ("USA", "PRK", "19", "hypothetical")}),
    # expelling diplomats reduces relations (16), where expelling people is 17
    ("dantri_unc_2020/0142.txt", "Đáp lại, Nga", {("RUS", "USA", "16", "asserted")}),
    ("dantri_unc_2020/0097.txt", "Ngoài trục xuất", {("USA", "RUS", "16", "asserted")}),
    # troops sent near a border are a show of force (15); aid goods sent to a country are aid (07)
    ("dantri_unc_2020/0145.txt", "Theo Sputnik", {("RUS", "UKR", "15", "asserted")}),
    ("dantri_unc_2020/0016.txt", "Tổ chức Y tế Thế giới (WHO) cho biết", {("WHO", "IND", "07", "planned")}),
    # frozen funds are a sanction (16), not a blockade (19) (and the opposition it defied was aimed at the US)
    ("vntc_2000s/0123.txt", "Bộ Tài chính Mỹ", {("USA", "PRK", "16", "asserted"), ("PRK", "USA", "11", "asserted")}),
    ("dantri_unc_2020/0024.txt", "Bắc Kinh không hài lòng", {("CHN", "AUS", "16", "asserted")}),
    # welcoming a visitor is hosting a visit (04)
    ("vims_2016/0018.txt", "Người dân Nhật Bản nói chung", {("JPN", "USA", "04", "asserted")}),
    # what a weapon can reach (`vũ khí … đủ sức bắn tới Mỹ`) is a threat, not an attack
    ("baomoi_2017/0045.txt", "Thành công của vụ thử", {("USA", None, "15", "asserted"),
                                                       ("PRK", "USA", "13", "asserted")}),
    ("baomoi_2017/0090.txt", "Pháo của Triều Tiên", {("PRK", "KOR", "13", "asserted")}),  # past the owner
    # force launched `từ Lebanon` comes from there: Lebanon is no actor, the group that claims it is
    ("vntc_2000s/0138.txt", "Đây là lần đầu tiên", {("Al-Qaeda", "ISR", "18", "asserted")}),
    ("vntc_2000s/0138.txt", "Trong lúc đó, chi nhánh", {("AQI", "ISR", "18", "asserted")}),
    # aid with no receiver named goes to the country the story is about (a submarine lost off Indonesia),
    # but not a group's backing (`dân quân người Shiite do Iran hậu thuẫn`: the militia is backed)
    ("dantri_unc_2020/0104.txt", "Một số nước như Mỹ", {(c, "IDN", "07", "asserted") for c in (
        "USA", "IND", "SGP", "MYS", "AUS")}),
    ("vims_2016/0006.txt", "Mặc dù lực lượng Sunni", set()),
    # (unnamed forces backed are aid with no receiving actor: `các lực lượng do nước này hậu thuẫn … chống IS`)
    ("baomoi_2017/0060.txt", "Phía Mỹ khẳng định", {("USA", None, "07", "planned")}),
    # `biển Nhật Bản` is a sea, not Japan
    ("baomoi_2017/0098.txt", "Mỹ đã cử một lực lượng", set()),
    # put on a sanctions list past coordinated objects and their abbreviations, by the speaker of a reported
    # clause (`Bộ Tài chính Mỹ cho biết đã liệt Công ty Gỗ Myanmar (MTE) và … vào danh sách trừng phạt`)
    ("dantri_unc_2020/0087.txt", "Trong thông báo ngày 21/4", {("USA", "MMR", "16", "asserted")}),
    # `mặt hàng xuất khẩu` names goods, no trade act: only the import ban
    ("baomoi_2017/0026.txt", "Hồi tháng 2, Trung Quốc", {("CHN", "PRK", "16", "asserted")}),
    # armed groups by their usual short names (`nhóm phiến quân Abu Sayyaf`)
    ("vntc_2000s/0057.txt", "Quân đội Philippines đang", {("PHL", "Abu Sayyaf", "19", "asserted")}),
    # the owner of a plan noun right before a trigger is its actor (`kế hoạch của NATO kết nạp Montenegro`)
    ("vims_2016/0016.txt", "Nga chỉ trích kế hoạch", {("RUS", "NATO", "11", "asserted"), ("NATO", "MNE", "05", "planned")}),
    # `lên kế hoạch tấn công`: the subject plans the attack (not the story's armed group)
    ("baomoi_2017/0015.txt", "Những cảnh báo trước đây", {("JOR", "SYR", "19", "planned")}),
    # what is backed in a passive is the phrase right before it (`lực lượng SDF được Mỹ hậu thuẫn`), not an
    # actor past the next verb; a fronted `Theo …` names who says it, no event; aid the subject gets in
    # exchange (`để đổi lấy cứu trợ nhân đạo`) is not the subject's
    ("baomoi_2017/0077.txt", "Các tay súng IS", {("USA", "SDF", "07", "asserted"), ("IS", "SDF", "18", "asserted")}),
    # (its main clause's `cuộc tấn công lớn đánh vào lực lượng dân quân người Kurd YPG` is Turkey's planned attack)
    ("baomoi_2017/0077.txt", "Theo các phương tiện", {("TUR", "YPG", "19", "planned")}),
    ("baomoi_2017/0095.txt", "Chuyện này xảy ra", set()),
    # nor a passive's (`Thông tin này được một người Triều Tiên đào tẩu sang Hàn Quốc … cung cấp`), nor aid sent
    # `sang các nước`; `các nước này` names several countries, none of them the subject
    ("vims_2016/0081.txt", "Thông tin này được", set()),
    ("dantri_unc_2020/0135.txt", "Ấn Độ đã dừng xuất khẩu", set()),
    ("dantri_unc_2020/0140.txt", "Trung Quốc đã áp dụng chiến lược", {("CHN", "USA", "16", "planned")}),
    # a judgement said of an actor after `là` is a criticism (111): by the speaker of the sentence (`Ngoại trưởng
    # Mỹ John Kerry từng nói rằng Mansour là "mối đe dọa …"`), of the actor the judged act belongs to, not
    # of what it is about (`việc … Mỹ - Nhật đề cập trực tiếp đến Đài Loan … là sự can thiệp`)
    ("vims_2016/0051.txt", "Ngoại trưởng Mỹ John Kerry từng nói", {("USA", "Taliban", "11", "asserted")}),
    ("dantri_unc_2020/0137.txt", "Bắc Kinh cho rằng việc", {("CHN", "JPN", "11", "asserted")}),
    # an appeal to one's own government is addressed at home (`Nữ con tin Anh kêu gọi London rút quân khỏi Iraq`)
    ("vntc_2000s/0038.txt", "Nữ con tin Anh", set()),
    # `đến`/`sang` a country right after them is a person's visit (`đã đến Jakarta`, `sang Italy`)
    ("vntc_2000s/0163.txt", "Tổng Thư ký Liên Hiệp Quốc", {("UN", "IDN", "04", "asserted")}),
    ("vntc_2000s/0171.txt", "Mới đây nhất, ngày 8/6", {("VNM", "ITA", "04", "asserted")}),
    # `xe tăng chiến đấu` is a tank, no fight; `thỏa thuận Minsk` names a document, not Belarus
    ("baomoi_2017/0004.txt", "Nhà báo mô tả", set()),
]

NOUNS_AND_PASSIVES = [
    # a said act defied or weighed (`bất chấp cảnh báo từ Tổng thống Mỹ`, `cân nhắc đề nghị từ Ukraine`; also
    # `bất chấp sự phản đối của Bình Nhưỡng` in FRAMES) is its maker's, aimed at who defies or weighs it; a missile able to strike the
    # US threatens it
    ("baomoi_2017/0057.txt", "Triều Tiên đã bốn lần phóng tên lửa", {("PRK", None, "15", "asserted"),
                                                                    ("USA", "PRK", "13", "asserted"),
                                                                    ("PRK", "USA", "13", "asserted")}),
    ("dantri_unc_2020/0098.txt", "Politico dẫn các nguồn tin", {("UKR", "USA", "02", "asserted")}),
    # a drill of an attack is a drill, aimed at what it rehearses attacking (`diễn tập tấn công các hàng không mẫu hạm Mỹ`)
    ("baomoi_2017/0057.txt", "Triều Tiên tập trận tấn công", {("PRK", None, "15", "asserted"), ("PRK", "USA", "15", "asserted")}),
    # a deployment by an agent, aimed at the coast it nears (`được Mỹ triển khai tới gần bờ biển Trung Quốc`); drills
    # that take place (`diễn ra các cuộc tập trận`) are no act of the subject; a live-fire drill is one drill, whose
    # agent follows it (`cuộc tập trận bắn đạn thật … của quân đội Trung Quốc`)
    ("dantri_unc_2020/0139.txt", "Đây là những máy bay quân sự", {("USA", "CHN", "15", "asserted")}),
    ("dantri_unc_2020/0139.txt", "Trước đó, Cục An toàn Hàng hải", {("CHN", None, "15", "asserted")}),
    # a suffering verb's subject, headed by a noun trigger, is the possessor's (`chuyến thăm Hiroshima của ông Obama
    # gặp phải sự chỉ trích từ …`): the critics' act is aimed at it
    ("vims_2016/0017.txt", "Tuy nhiên, chuyến thăm Hiroshima", {("USA", "JPN", "04", "asserted"),
                                                               ("CHN", "USA", "11", "asserted"),
                                                               ("PRK", "USA", "11", "asserted")}),
    # a meeting noun in a second fronted phrase is the main subject's (`Dưới áp lực …, trong cuộc điện đàm với …,
    # Tổng thống Mỹ …`, `Từ ngày …, tại phiên họp chính thức G7, Thủ tướng …`)
    ("vims_2016/0089.txt", "Từ ngày 26 đến ngày 28-5", {("VNM", "G7", "04", "asserted")}),
    # `nước này và Đức`: the country a reference word names is a conjunct, and two who cooperate need no third as
    # target (`… trong việc chấm dứt tham vọng hạt nhân của Triều Tiên` is what it is about); `đồng ý` takes a verb
    ("baomoi_2017/0086.txt", "Ngày 6/7, Văn phòng Tổng thống Hàn Quốc", {("KOR", "DEU", "05", "asserted"),
                                                                         ("KOR", "DEU", "06", "asserted")}),
    ("baomoi_2017/0041.txt", "Trung Quốc đồng ý thảo luận", {("CHN", "USA", "04", "asserted")}),
    # a warning of force or of a demand is a threat (`cảnh báo tàu chiến của Mỹ … cần tránh xa Crimea`)
    ("dantri_unc_2020/0093.txt", "Thứ trưởng Ngoại giao Nga Sergei Ryabkov", {("RUS", "USA", "13", "asserted")}),
    # `nhờ`/`với` + help of X: X helps the main clause's subject (`Nhờ sự giúp đỡ của Nga, … của Quân đội Syria …`),
    # `Nhờ …` a fronted phrase up to a comma that does not continue a list of actors
    ("baomoi_2017/0087.txt", "Nhờ sự giúp đỡ của Nga", {("RUS", "SYR", "07", "asserted")}),
    # an aid word qualifying a carrier (`các tàu cứu hộ từ Singapore và Malaysia`, `lô hàng cứu trợ … của Mỹ cho Ấn
    # Độ`): its owner aids the receiver named, or the country the story is about, unless the owner is that country
    ("dantri_unc_2020/0081.txt", "Theo CNA, các tàu cứu hộ", {("SGP", "IDN", "07", "asserted"),
                                                               ("MYS", "IDN", "07", "asserted")}),
    ("dantri_unc_2020/0036.txt", "C-5M Super Galaxy", {("USA", "IND", "07", "asserted")}),
    ("dantri_unc_2020/0112.txt", "\"Chúng tôi hy vọng đội cứu hộ", set()),
    # a suffering verb's subject suffers what the noun's agent does (`Động thái này của Mỹ đã vấp phải sự phản đối
    # từ Bộ Quốc phòng Trung Quốc`), the subject a possessor past a demonstrative
    ("dantri_unc_2020/0139.txt", "Động thái này của Mỹ", {("CHN", "USA", "11", "asserted")}),
    # a state's citizens held with no agent named: by the state of the place, and who is held may stand in a
    # prepositional phrase (`tiếp xúc với ba công dân Mỹ khác đang bị giam giữ tại Triều Tiên`); not suspects of
    # an armed group (`nghi phạm Taliban và Al-Qaeda bị bắt ở Afghanistan và Pakistan`: by US forces too)
    ("vntc_2000s/0050.txt", "ICRC được đến thăm", set()),
    ("baomoi_2017/0067.txt", "Ông đã tiếp xúc với ba", {("PRK", "USA", "17", "asserted")}),
    # a title the tagger calls a verb inside a passive's agent (`được Ngoại trưởng Nga Sergei Lavrov chuyển tới`);
    # a receiver named before the object (`chuyển cho Syria hệ thống …`); `tại thời điểm` opens a clause
    # (and the call it was passed on in, `trong cuộc điện đàm`, is their talk)
    ("baomoi_2017/0060.txt", "Thông điệp trên đã được", {("RUS", "USA", "02", "asserted"), ("RUS", "USA", "04", "asserted")}),
    ("baomoi_2017/0087.txt", "Có thể, Nga đã chuyển", {("RUS", "SYR", "07", "hypothetical")}),
    ("vims_2016/0067.txt", "Thông cáo được đưa ra tại thời điểm", {("USA", "VNM", "04", "asserted")}),
    # a rejected proposal's own act is part of it, and its owner is the target (not where it would send troops);
    # the proposal itself was made (`đề nghị … từ phía Triều Tiên`: North Korea's, to the South);
    # `và tân Tổng thống …` continues a list (`tân` is no verb)
    ("vims_2016/0010.txt", "Hôm 23-5, Hàn Quốc bác bỏ", {("KOR", "PRK", "12", "asserted"), ("PRK", "KOR", "02", "asserted")}),
    # (and where a refused act would go is not whom it refuses: `từ chối đưa quân tới Iraq`)
    ("vntc_2000s/0150.txt", "Campuchia từ chối đưa quân", {("KHM", "USA", "12", "asserted"), ("USA", "KHM", "02", "asserted")}),
    ("baomoi_2017/0017.txt", "Ông Suga cũng cho biết hai bên", {("JPN", "KOR", "04", "planned")}),
    # a receiving verb's subject receives what the noun's agent gives (`nhận được sự giúp đỡ của Nga, Iran và
    # lực lượng du kích Hezbollah`: a group named after its force noun is a conjunct too)
    ("baomoi_2017/0097.txt", "Nhờ ý chí kiên cường", {(c, "SYR", "07", "asserted") for c in ("RUS", "IRN", "Hezbollah")}),
    # `việc` opens a clause: the actor after it is that clause's subject (`quan ngại … về việc Triều Tiên … đe dọa`)
    ("baomoi_2017/0043.txt", "Theo Reuters, nguyên nhân thúc đẩy Mỹ", {("USA", "PRK", "15", "asserted"),
                                                                      ("PRK", "USA", "13", "asserted")}),
    # sanctions opposed are not the opponent's own: only the opposition is coded
    ("dantri_unc_2020/0048.txt", "Sau Đức, Áo cũng", {("AUT", "RUS", "11", "asserted")}),
    # a noun's agent stands in its own phrase: not past a verb (`… bắt đầu bằng … cơ sở hải quân của Nga`: the
    # story's armed group), and `từ` after a plural noun names it (`những nhượng bộ khác từ Mỹ`: no act of PRK's)
    ("vims_2016/0026.txt", "Các cuộc tấn công bắt đầu", {("IS", "SYR", "18", "asserted")}),
    ("vntc_2000s/0017.txt", "Trước đó, tháng 12 năm ngoái", {("PRK", "USA", "03", "asserted")}),
    # the proposal answered is another's: no appeal of Putin's, only his readiness to talk (a pledge, 03: the talks
    # have not happened)
    ("dantri_unc_2020/0091.txt", "Đáp lại đề nghị", {("RUS", "UKR", "03", "asserted")}),
    # a trigger used as a noun: its agent follows (`của`), or it is the main subject's (`Ngoài …,`)
    ("baomoi_2017/0021.txt", "Thông tin từ quân đội", {("PRK", None, "15", "asserted")}),
    ("baomoi_2017/0092.txt", "Chuyến thăm Ukraine", {("NATO", "UKR", "04", "asserted"),
                                                     ("USA", "RUS", "02", "asserted"),
                                                     ("USA", "RUS", "16", "asserted"),
                                                     ("EU", "RUS", "16", "asserted")}),
    # `trong bối cảnh` opens a clause with its own subject (Mỹ tests, not Triều Tiên)
    ("baomoi_2017/0045.txt", "Ngày 31.5, Triều Tiên", {("PRK", None, "15", "planned"), ("USA", None, "15", "asserted")}),
    # a verb coordinated after a passive shares its agent (`được dư luận Nhật Bản hoan nghênh và đánh giá cao`)
    ("vims_2016/0018.txt", "Bước đi mang tính lịch sử", {("JPN", "USA", "05", "asserted")}),
    # a trigger inside its object's relative clause (`lực lượng ủng hộ chính phủ`) is no event of its own; the act
    # judged (`việc Mỹ tấn công … là không thể chấp nhận`) is criticized at its actor
    ("baomoi_2017/0060.txt", "Phía Nga cho rằng", {("USA", "SYR", "19", "asserted"), ("RUS", "USA", "11", "asserted")}),
    # the object of a rejecting verb is a noun (`bác bỏ đề nghị đàm phán … của Bình Nhưỡng`)
    ("vims_2016/0003.txt", "Hàn Quốc bác", {("KOR", "PRK", "12", "asserted"), ("PRK", "KOR", "03", "asserted")}),
    # what an appeal or a demand asks for has not happened
    ("baomoi_2017/0009.txt", "Chính phủ Iraq ngày 10/2", {("IRQ", "USA", "02", "asserted")}),
    ("baomoi_2017/0029.txt", "Chương trình tên", {("UN", "PRK", "10", "asserted")}),
    # what a sanction targets did happen (`trừng phạt … ngân hàng Trung Quốc hợp tác với Triều Tiên`)
    ("baomoi_2017/0014.txt", "Washington cũng trừng", {("USA", "CHN", "16", "asserted"),
                                                      ("CHN", "PRK", "06", "asserted")}),
]

ROOTS_AND_MODALITY = [
    # force an actor says it will or may use is a threat (13), asserted: a reported clause whose speaker acts
    # (`Một quan chức Triều Tiên … nói Bình Nhưỡng có thể phóng "mưa tên lửa" vào Mỹ nếu …` above), or what the
    # weapon it says it develops can reach
    # (but a missile's `tầm bắn vươn được tới lãnh thổ Mỹ` is its range, which a blind review of this article
    #  took for no event: no threat to punish, the guideline's 13)
    ("baomoi_2017/0051.txt", "Chính quyền Mỹ cho đến nay", set()),
    # `còn lâu mới` (far from able to) negates
    ("baomoi_2017/0019.txt", "Triều Tiên còn lâu mới", {("PRK", None, "15", "negated")}),
    # readiness to counter someone's aggression (`sẵn sàng đối phó với sự hung hăng của Triều Tiên`) is a threat
    ("baomoi_2017/0050.txt", "Ngoài các hậu quả về mặt ngoại giao", {("USA", "PRK", "13", "asserted")}),
    # a negated hesitation asserts the act (`không ngần ngại không kích`)
    ("baomoi_2017/0030.txt", "Giới chuyên gia nhận định", {("USA", "SYR", "19", "asserted")}),
    # a message sent carries its act (`gửi lời chúc mừng ông Moon`, `gửi thông điệp cấm Bình Nhưỡng …`): the act
    # is the event, the sending none
    ("baomoi_2017/0017.txt", "Sau khi ông Moon Jae-in đắc cử", {("JPN", "KOR", "05", "asserted")}),
    ("baomoi_2017/0094.txt", "Moscow gửi thông điệp", {("RUS", "PRK", "16", "asserted")}),
    # `thả` is an attack only of bombs, and an atomic bomb dropped is mass violence (20); `sau một thời gian xem
    # xét` is a time, no intent
    ("vims_2016/0018.txt", "Cách đây 71 năm, ngày 6/8/1945", {("USA", "JPN", "20", "asserted")}),
    ("vntc_2000s/0110.txt", "Sau một thời gian xem xét", {("IRN", "RUS", "12", "asserted"), ("RUS", "IRN", "03", "asserted")}),
    # a verb phrase that goes on after `đồng thời` stays under the first one's `sẽ`; `chờ lệnh … tấn công` has
    # not happened
    ("vims_2016/0068.txt", "Ngày 23/5, Nhà Trắng cho biết", {("USA", "VNM", "03", "asserted"), ("USA", "VNM", "07", "planned")}),
    ("baomoi_2017/0075.txt", "Tàu chiến, chiến đấu cơ Mỹ", {("USA", "SYR", "19", "planned")}),
    # a trigger after a topic noun names a field, not an act (`hợp tác trong lĩnh vực viện trợ nhân đạo`: cooperation)
    ("vims_2016/0065.txt", "Thông cáo của Nhà Trắng ngày 23/5", {("USA", "VNM", "06", "asserted")}),
    # a plot is planned (`mưu toan thực hiện 1 loạt đánh bom`), not done
    ("vims_2016/0035.txt", "3 người Syria mưu toan", {("SYR", "DEU", "18", "planned")}),
    # readiness to attack is a threat (138), coded once, on the readiness, against the act's target
    ("baomoi_2017/0075.txt", "CNN dẫn lời một vài quan chức", {("USA", "SYR", "13", "asserted")}),
    # `Đáp trả lại,` fronted alone is an adverb: the expulsions are the response
    ("dantri_unc_2020/0048.txt", "Đáp trả lại, Nga", {("RUS", "ITA", "16", "asserted"), ("RUS", "UKR", "16", "asserted")}),
    # `TQ` is the press's China; a deputy secretary of state is the US's, though he later led the World Bank
    ("vntc_2000s/0161.txt", "Thứ trưởng Ngoại giao Mỹ Robert Zoellick đã gặp",
     {("USA", "CHN", "04", "asserted")}),
    ("dantri_unc_2020/0083.txt", "\"Điều rất quan trọng là Thổ Nhĩ Kỳ", {("TUR", "RUS", "06", "negated")}),  # tránh
    # a warning issued after an attack does not make the attack a threat
    ("vims_2016/0043.txt", "Hiện cảnh báo về khủng bố", {(None, "BEL", "18", "asserted")}),
    # `chiến tranh xâm lược Nam Tư`: the second violent word qualifies the first, no event of its own
    ("baomoi_2017/0097.txt", "Để “bảo vệ nhân quyền”", {("USA", "YUG", "19", "asserted"),
                                                         ("NATO", "YUG", "19", "asserted")}),
    # `bác` (reject) is framed by its object; `đề xuất trên` points back to the proposal's author
    ("vims_2016/0012.txt", "Trung Quốc và Nga ủng hộ ý tưởng", {
        ("CHN", "PRK", "05", "asserted"), ("RUS", "PRK", "05", "asserted"), ("USA", "PRK", "12", "asserted"),
        ("KOR", "PRK", "12", "asserted"), ("JPN", "PRK", "12", "asserted"),
        ("PRK", "USA", "03", "asserted"), ("PRK", "KOR", "03", "asserted"), ("PRK", "JPN", "03", "asserted")}),
    ("baomoi_2017/0043.txt", "Về phía Nga, theo khẳng định", {("RUS", "PRK", "11", "negated"),
                                                              ("PRK", None, "15", "asserted")}),  # không hề
    ("baomoi_2017/0067.txt", "Nhà Trắng chưa đưa ra", {("USA", "PRK", "13", "negated")}),  # `chưa … nào`
    ("baomoi_2017/0020.txt", "Triều Tiên kêu gọi các", {("PRK", "UN", "02", "asserted"),
                                                       ("USA", "PRK", "10", "asserted")}),
    ("dantri_unc_2020/0084.txt", "Cũng giống như", {("USA", "IND", "03", "asserted")}),
    ("baomoi_2017/0018.txt", "Về phần mình,", {("DEU", "NATO", "04", "planned")}),
    ("baomoi_2017/0011.txt", "Chính quyền Syria", {("SYR", "USA", "05", "asserted")}),
    ("baomoi_2017/0014.txt", "Những người chỉ", {("KOR", "PRK", "07", "asserted")}),
    ("baomoi_2017/0001.txt", "Tổng thống Ukraine Petro Poroshenko hôm", {("UKR", "RUS", "11", "asserted")}),
    ("baomoi_2017/0015.txt", "Trước đó, Ngoại", {("SYR", "JOR", "13", "asserted")}),
    # (and, after `đồng thời`, a military presence it will keep: a show of force with no one named)
    ("dantri_unc_2020/0109.txt", "Ông cảnh báo", {("USA", "CHN", "13", "asserted"), ("USA", "RUS", "13", "asserted"),
                                                  ("USA", None, "15", "planned")}),
    ("vntc_2000s/0050.txt", "Có 15 người", {("AFG", "USA", "14", "asserted")}),  # protesters: people of the place
    ("baomoi_2017/0013.txt", "Chiến sự Palmyra:", {("SYR", "IS", "19", "asserted")}),
    ("baomoi_2017/0064.txt", "Cùng thời điểm, chiến đấu cơ", {("USA", "SYR", "19", "asserted")}),
    ("baomoi_2017/0014.txt", "Nhiều người nhận", {("KOR", "PRK", "04", "hypothetical")}),
]

NO_EVENT = [
    # a comparison names no receiver (`lạc hậu cả vài thập niên so với quân đội Mỹ`), and the tested missiles are
    # no test of this sentence's
    ("baomoi_2017/0094.txt", "Việc Triều Tiên sử dụng các di sản"),
    # what a thing pointed back at does is no actor's act (`và điều này sẽ giúp "phá vỡ bế tắc"`)
    ("vims_2016/0040.txt", "Ngoại trưởng Trung Quốc Vương Nghị nói cánh cửa"),
    # an act someone would be kept from (`ngăn Mỹ và Nhật Bản không thể hỗ trợ Hàn Quốc`) did not happen
    ("baomoi_2017/0029.txt", "Nếu chiến tranh"),
    # a demand to a generic addressee (`yêu cầu các bên tôn trọng phán quyết của Tòa Trọng tài`): the owner of what
    # is demanded is no addressee
    ("dantri_unc_2020/0150.txt", "Brussels đồng thời yêu cầu các bên"),
    # an act with no object inside a condition takes no receiver from the story (`trong trường hợp các nước
    # khác từ chối đối thoại`: others refuse, no one named)
    ("dantri_unc_2020/0082.txt", "Ông nói, Moscow sẽ có các biện pháp"),
    # a weapon's description is no launch (`tên lửa đạn đạo phóng từ tàu ngầm`)
    ("dantri_unc_2020/0100.txt", "Theo Hiệp ước START"),
    # a warning about a situation is no threat (`WHO cảnh báo rằng, tình hình dịch bệnh … chưa thể kết thúc`)
    ("dantri_unc_2020/0114.txt", "Tổ chức Y tế Thế giới (WHO) cảnh báo"),
    ("baomoi_2017/0024.txt", "Dù cho rằng quả tên lửa"),  # `gặp khó khăn` is no meeting
    ("baomoi_2017/0028.txt", "Ngoại trưởng Ukraine Pavel Klimkin đã tuyên bố như"),  # `Nhật báo` is no Japan
    ("baomoi_2017/0055.txt", "Tình hình còn đáng lo ngại"),  # `đáng lo ngại` is no criticism
    # `cảnh báo từ phía Trung Quốc` is China's warning, not the subject's (and names no receiver)
    ("dantri_unc_2020/0089.txt", "Dù không có quan hệ chính thức"),
    ("vntc_2000s/0092.txt", "Amir Khan"),  # `tay võ sĩ quyền Anh`: a boxer, not Britain
    ("dantri_unc_2020/0034.txt", "Tôi đã mất hoàn toàn"),  # `lệnh phong tỏa` in an epidemic: no one blockades
    ("vntc_2000s/0130.txt", "Dự kiến Hội đồng Bảo an"),  # `họp bàn về vấn đề hạt nhân của Iran`: about Iran
    ("dantri_unc_2020/0105.txt", "Ấn Độ đang trải qua"),  # `khiến nhiều nước lo ngại`: no actor is worried
    ("baomoi_2017/0061.txt", "Các chuyên gia tin rằng Iran"),  # `bệ phóng` is a launcher, no launch
]


@_cases(COORDINATION)
def test_coordination(doc, anchor, expected):
    assert sentence_events(doc, anchor) == expected


@_cases(NULL_ACTORS)
def test_null_actors(doc, anchor, expected):
    assert sentence_events(doc, anchor) == expected


@_cases(REPORTED_SPEECH)
def test_reported_speech(doc, anchor, expected):
    assert sentence_events(doc, anchor) == expected


@_cases(CARRIED_OVER)
def test_carried_over_subject(doc, anchor, expected):
    assert sentence_events(doc, anchor) == expected


@_cases(FRAMES)
def test_frames(doc, anchor, expected):
    assert sentence_events(doc, anchor) == expected


@_cases(NOUNS_AND_PASSIVES)
def test_nouns_passives_and_complements(doc, anchor, expected):
    assert sentence_events(doc, anchor) == expected


@_cases(ROOTS_AND_MODALITY)
def test_roots_and_modality(doc, anchor, expected):
    assert sentence_events(doc, anchor) == expected


@pytest.mark.parametrize("doc,anchor", NO_EVENT)
def test_no_event(doc, anchor):
    assert sentence_events(doc, anchor) == set()


def test_every_root_and_modality_has_a_corpus_case():
    tables = COORDINATION + NULL_ACTORS + REPORTED_SPEECH + CARRIED_OVER + FRAMES + NOUNS_AND_PASSIVES + \
        ROOTS_AND_MODALITY
    events = {e for *_, expected in tables for e in expected}
    assert {e[2] for e in events} >= {f"{r:02d}" for r in range(2, 20)} - {"09", "17"}
    assert {e[3] for e in events} == {"asserted", "planned", "hypothetical", "negated"}


# --- constructed sentences, where the corpus outside the dev set has no example ------------------------
def _constructed(text: str, dct: str = "2013-08-08") -> set[tuple]:
    sentences = sentences_of(text, [("body", 0, len(text))])
    from transforms.mentions import article_mentions
    mentions = article_mentions(sentences)
    timexes = resolve(recognize(sentences), PartialDate.parse(dct))
    return {(e.source_actor_code, e.target_actor_code, e.event_root_code, e.modality)
            for e in ev.article_events(sentences, mentions, timexes, PartialDate.parse(dct))}


def test_a_drone_is_one_noun():  # constructed (seen in unseen bulk text): the CRF reads `không … lái` as a verb
    assert _constructed("Một máy bay không người lái của Israel bắn hai quả tên lửa vào Dải Gaza.") == {
        ("ISR", "PSE", "19", "asserted")}


def test_a_list_of_people_acts_for_those_of_it_who_are_known():  # constructed (seen in unseen bulk text)
    assert _constructed("Thứ trưởng Ngoại giao Trung Quốc Chu Văn Trọng, Vũ Đại Vĩ và Ninh Phú Khôi đã gặp "
                        "Trưởng đoàn Mỹ.") == {("CHN", "USA", "04", "asserted")}


@pytest.mark.parametrize("text", ["Thành công của ông Biden là không thể phủ nhận.",  # undeniable: no denial
                                  "Bà Ko bắt taxi đến Đại sứ quán Mỹ tại Bern.",  # took a taxi: no arrest
                                  "Nga và Ấn Độ đang đàm phán về việc cung cấp vũ khí."])  # talks about: only talks
def test_idioms_and_what_talks_are_about(text):  # constructed (from unseen corpus sentences a reviewer judged)
    assert all(root == "04" for _, _, root, _ in _constructed(text))


def test_a_unit_of_a_region_of_a_country_acts_for_the_country():  # constructed
    assert _constructed("Một sư đoàn thuộc quân khu Tân Cương của Trung Quốc đã tăng cường các cuộc tập trận.") == {
        ("CHN", None, "15", "asserted")}


def test_lexicon_grown_from_bulk_text():  # constructed: verbs frequent between two actors in the bulk articles
    assert _constructed("Các máy bay Nga dội bom các vị trí của IS tại Syria.") == {("RUS", "IS", "19", "asserted")}
    assert _constructed("Các chiến binh IS đã chặt đầu một nhà báo Mỹ.") == {("IS", "USA", "18", "asserted")}


def test_a_verb_inside_the_head_noun_of_a_subject_with_its_owner():  # constructed (from a blind review's miss)
    assert _constructed("Nhóm tác chiến tàu sân bay Liêu Ninh của quân đội Trung Quốc đã tập trận gần Đài Loan.") \
        == {("CHN", None, "15", "asserted")}


def test_a_light_verb_the_tagger_glued_to_an_adverb():  # constructed (from a blind review's miss)
    assert _constructed("Trung Quốc đã đơn phương áp các lệnh trừng phạt thương mại với một số quốc gia, trong đó "
                        "có Australia.") == {("CHN", "AUS", "16", "asserted")}


def test_armed_groups_and_state_forces_the_press_names():  # constructed (from a blind review's misses)
    assert _constructed("Cảnh sát Philippines cho biết họ đã bắt giữ 8 thành viên Quân đội Nhân dân Mới (NPA).") == {
        ("PHL", "NPA", "17", "asserted")}
    assert _constructed("PLA tăng cường hoạt động quân sự gần Đài Loan.") == {("CHN", None, "15", "asserted")}


def test_a_judgement_of_an_act_is_aimed_at_its_actor():  # constructed (from a blind review's misses)
    assert ("RUS", "USA", "11", "asserted") in _constructed(
        "Phía Nga cho rằng việc Mỹ tấn công lực lượng ủng hộ chính phủ của Tổng thống Syria Bashar al-Assad là "
        "không thể chấp nhận.")


def test_opposing_a_proposal_rejects_it():  # constructed (from a blind review's miss): and the proposal was made
    assert _constructed("Triều Tiên phản đối đề xuất của Hàn Quốc.") == {("PRK", "KOR", "12", "asserted"),
                                                                       ("KOR", "PRK", "03", "asserted")}
    assert _constructed("Bình Nhưỡng tuyên bố thử thành công bom nhiệt hạch.") == {("PRK", None, "15", "asserted")}


def test_a_threat_of_force_against_someone():  # constructed (from bulk text): its target is who force is aimed at
    assert _constructed("Nhật Bản sẵn sàng đáp trả bằng quân sự chống Bắc Triều Tiên.") == {("JPN", "PRK", "13", "asserted")}


def test_investigate():  # constructed: no corpus sentence names who investigates whom
    assert _constructed("Liên Hợp Quốc điều tra Syria về các cáo buộc vi phạm nhân quyền.") == {
        ("UN", "SYR", "09", "asserted")}


def test_arrest():  # constructed
    assert _constructed("Cảnh sát Thái Lan bắt giữ hai công dân Campuchia.") == {("THA", "KHM", "17", "asserted")}


def test_visits_and_person_pronouns():  # constructed: `ông` with no subject carried over is the last person
    assert _constructed("Chuyến thăm của Tổng thống Mỹ Donald Trump kéo dài 9 ngày. Trước đó, ông đến Saudi Arabia.") \
        == {("USA", "SAU", "04", "asserted")}
    assert _constructed("Ông đề cập đến Seoul.") == set()  # `đến` after another verb: no trip
    assert _constructed("Mỹ gửi 4 tiểu đoàn đến Ba Lan.") == {("USA", "POL", "07", "asserted")}  # the act's preposition


def test_said_about_an_earlier_year_is_dated_by_the_saying():  # constructed
    text = "Séc cáo buộc Nga có liên quan đến vụ nổ kho đạn năm 2014."
    sentences = sentences_of(text, [("body", 0, len(text))])
    from transforms.mentions import article_mentions
    dct = PartialDate.parse("2021-04-20")
    events = ev.article_events(sentences, article_mentions(sentences), resolve(recognize(sentences), dct), dct)
    assert [(e.source_actor_code, e.target_actor_code, e.event_root_code, e.event_date, e.event_date_basis)
            for e in events] == [("CZE", "RUS", "11", "2021-04-20", "published")]


def test_country_word_in_its_own_clause():  # constructed: `nước này` after `trong trường hợp` is the country
    # named last, not the main subject
    assert _constructed("Washington đã chuẩn bị các phương án quân sự đối với Triều Tiên trong trường hợp nước "
                        "này tiếp tục thử hạt nhân.") == {("PRK", None, "15", "hypothetical")}


def test_backing_goes_to_the_phrase_before_its_agent():  # constructed
    assert _constructed("Phiến quân Houthi do Iran hậu thuẫn tấn công Saudi Arabia.") == {
        ("IRN", "Houthi", "07", "asserted"), ("Houthi", "SAU", "18", "asserted")}
    assert _constructed("Chiến sự nổ ra giữa quân đội Ukraine với lực lượng ly khai nghi do Nga hậu thuẫn.") == set()
    # the backer of what is attacked or mobilized is not its target; who holds it is
    assert _constructed("Israel tấn công các tay súng do Iran hậu thuẫn.") == set()
    assert _constructed("Không quân Mỹ tấn công vào phần lãnh thổ do IS kiểm soát.") == {("USA", "IS", "19", "asserted")}
    assert sentence_events("vntc_2000s/0057.txt", "Manila phải huy động") == {("PHL", None, "15", "asserted")}
    # a treaty named back (`nghị định này`) is no act of the actor named before: no implicit target
    assert _constructed("Nga đã phê chuẩn Nghị định thư Kyoto. Mỹ và Australia phản đối nghị định này.") == set()
    # giving information is no aid; intelligence given is material cooperation (064)
    assert _constructed("Mỹ cung cấp thông tin tình báo cho Israel.") == {("USA", "ISR", "06", "asserted")}


def test_partner_right_before_an_act_of_force_does_it_too():  # constructed: no unseen corpus sentence has one
    assert _constructed("Quân đội Mỹ phối hợp với lực lượng dân quân người Kurd YPG chiến đấu với IS.") == {
        ("USA", "YPG", "06", "asserted"), ("USA", "IS", "19", "asserted"), ("YPG", "IS", "19", "asserted")}


def test_judgements_need_a_speaker():  # constructed
    assert _constructed('Triều Tiên "từ lâu đã là mối đe dọa rõ ràng", Nhà Trắng cho biết thêm.') == {
        ("USA", "PRK", "11", "asserted")}
    assert _constructed("Triều Tiên là mối đe dọa đối với Hàn Quốc.") == set()  # the writer's own words


def test_mass_violence():  # constructed: no corpus sentence attributes root 20
    assert _constructed("Syria sử dụng vũ khí hóa học.") == set()  # needs a target
    assert _constructed("Syria sử dụng vũ khí hóa học nhằm vào IS.") == {("SYR", "IS", "20", "asserted")}


@pytest.mark.parametrize("text", ["Nga tuyên bố sẽ tăng cường quốc phòng.",  # a statement without addressee
                                  "Quân đội Mỹ tấn công Mỹ.",  # same-country pair
                                  "Giá dầu tăng mạnh trong tuần."])
def test_no_event_constructed(text):
    assert _constructed(text) == set()


def test_seeds_yield_their_gold_dyads(seed_texts):
    for text, dct, dyad in ((seed_texts[0], "2001-05-29", ("USA", "RUS")), (seed_texts[1], "2013-08-08", ("RUS", "USA"))):
        x = extract(clean(Document("x", "seed.txt", text, "utf-8", published=dct)))
        dyads = {(e.source_actor_code, e.target_actor_code) for e in x.events}
        assert dyad in dyads
    x = extract(clean(Document("x", "seed.txt", seed_texts[0], "utf-8", published="2001-05-29")))
    meeting = [e for e in x.events if e.event_root_code == "04" and e.event_date == "2001-06-16"]
    assert meeting and meeting[0].modality == "planned"


def test_a_country_that_holds_the_place_of_an_attack_is_its_target():  # constructed: `tại <place> của <country>`
    assert _constructed("Một vụ đánh bom xe đã làm 12 người chết tại thành phố Mosul của Iraq.") == {
        (None, "IRQ", "18", "asserted")}
    assert _constructed("Một vụ đánh bom xe đã làm 12 người chết bên ngoài một căn cứ của Mỹ.") == set()


def test_a_war_against_a_named_actor_is_waged_by_the_subject():  # constructed (a dev pattern, unseen-corpus checked)
    assert _constructed("Nga đẩy mạnh cuộc chiến chống IS ở Syria.") == {("RUS", "IS", "19", "asserted")}
    # the war on terror names no enemy, and a war no one named wages is no attack by someone unknown
    assert _constructed("Mỹ sẽ hợp tác với Nga trong cuộc chiến chống khủng bố.") == {("USA", "RUS", "06", "planned")}
    assert _constructed("Các lực lượng an ninh Iraq thắng lợi trong cuộc chiến chống tổ chức IS.") == set()


def test_a_condition_frames_its_main_clause():  # constructed: `nếu … thì …` keeps the act hypothetical
    assert _constructed("Nga tuyên bố nếu Mỹ triển khai tên lửa ở Ba Lan thì Nga sẽ tấn công Ba Lan.") == {
        ("USA", "POL", "07", "hypothetical"), ("RUS", "POL", "19", "hypothetical")}
    # `Nga thì …` is a topic marker, not a clause break: Russia still vetoes
    assert _constructed("NATO mở rộng và Nga thì phủ quyết việc kết nạp Montenegro.") == {
        ("RUS", "MNE", "12", "asserted")}


def test_what_someone_hopes_another_will_do_is_no_event():  # corpus: vntc_2000s/0067 (a quote)
    assert sentence_events("vntc_2000s/0067.txt", "\"Sau khi Yushchenko") == set()


def test_who_made_a_thing_is_no_agent_of_its_event():  # corpus: `do Đức sản xuất` describes the submarine
    # (the drill is the Indonesian navy's, whose ship it is: no German act)
    assert sentence_events("dantri_unc_2020/0074.txt", "Tàu ngầm KRI Nanggala 402 do Đức") == {
        ("IDN", None, "15", "asserted")}


def test_stationing_troops_in_a_country_is_military_aid_to_it():  # constructed: `đóng` is framed by its object
    assert _constructed("Mỹ đóng 28.000 binh sĩ tại Hàn Quốc.") == {("USA", "KOR", "07", "asserted")}
    assert _constructed("Nga đóng cửa biên giới với Ukraine.") == set()


def test_applying_to_join_an_organization_asks_it():  # constructed (plain `gia nhập` stays no trigger: on the
    # unseen articles half of it was a document, a group's recruits or another's entry)
    assert _constructed("Montenegro xin gia nhập EU năm 2008.") == {("MNE", "EU", "02", "asserted")}


def test_consequences_said_and_a_verb_before_its_objects_owner():  # constructed (from blind reviews' misses)
    assert _constructed("Assad và quân đội của ông ta sẽ phải trả một giá đắt, Nhà Trắng cho biết.") == {
        ("USA", "SYR", "13", "asserted")}
    assert _constructed("Nga trục xuất các nhà ngoại giao của Mỹ.") == {("RUS", "USA", "16", "asserted")}
    assert _constructed("Kyrgyzstan sẽ nhận khoảng 5 triệu USD viện trợ từ Ngân hàng Thế giới.") == {
        ("WB", "KGZ", "07", "planned")}
    assert _constructed("Lực lượng SDF giao chiến ác liệt với IS.") == {("SDF", "IS", "19", "asserted")}


def test_force_its_own_actor_announces_is_a_threat():  # constructed (from a blind review's misses)
    assert _constructed("Triều Tiên tuyên bố sẽ tấn công Mỹ nếu Washington tiếp tục tập trận.") == {
        ("PRK", "USA", "13", "asserted"), ("USA", None, "15", "hypothetical")}
    # force that others foresee stays what it would be
    assert _constructed("Các chuyên gia cho rằng Nga có thể tấn công Ukraine trong tháng tới.") == {
        ("RUS", "UKR", "19", "hypothetical")}


def test_what_is_handed_over_or_proposed_gives_the_root():  # constructed (from a blind review's misses)
    assert _constructed("Liên quân do Mỹ dẫn đầu sẽ chuyển giao quyền lực đầy đủ cho chính phủ Iraq.") == {
        ("USA", "IRQ", "08", "planned")}
    assert _constructed("Mỹ đề xuất lệnh trừng phạt mới đối với Triều Tiên.") == {("USA", "PRK", "16", "asserted")}
    assert _constructed("Mỹ gia tăng sức ép lên Triều Tiên.") == {("USA", "PRK", "10", "asserted")}


def test_an_act_someone_is_kept_from_is_no_event():  # constructed (from a blind review's false positives)
    assert _constructed("Bình Nhưỡng sẽ tìm cách ngăn Mỹ hỗ trợ Hàn Quốc.") == set()
    assert _constructed("IS đã chiếm 1/3 lãnh thổ Syria và Iraq trong năm 2014.") == {
        ("IS", "SYR", "19", "asserted"), ("IS", "IRQ", "19", "asserted")}


def test_readiness_for_an_attack_and_what_unification_is_of():  # constructed (from a blind review's misses)
    assert _constructed("Mỹ và các nước phương Tây đang sẵn sàng cho một cuộc tấn công vào Syria.") == {
        ("USA", "SYR", "13", "asserted")}
    assert _constructed("Người dân Hàn Quốc có nguyện vọng thống nhất bán đảo Triều Tiên.") == set()
    # attacks from a country's missiles are no attack on it (`các vụ tấn công từ tên lửa Triều Tiên có thể …`)
    assert _constructed("Các vụ tấn công từ tên lửa Triều Tiên có thể phá tan căn cứ quân sự của Mỹ.") == set()
    # an air strike is no armed group's, even in a sentence that names one (`Liên quân chống … IS …`)
    assert _constructed("Liên quân chống IS thừa nhận đã làm chết 484 thường dân trong các cuộc không kích tại Syria.") \
        == {(None, "SYR", "19", "asserted")}


def test_title_abbreviations_and_a_country_referred_back():  # constructed (from blind reviews and an audit)
    assert _constructed("TT Bush phản đối Iran.") == {("USA", "IRN", "11", "asserted")}
    assert _constructed("Quốc hội Mỹ chỉ trích Tổng thống Obama về chính sách với Iran.") == set()  # at home
    assert _constructed("Mỹ chỉ trích Triều Tiên sau vụ phóng thử tên lửa đạn đạo của nước này.") == {
        ("USA", "PRK", "11", "asserted"), ("PRK", None, "15", "asserted")}


def test_a_quote_after_a_colon_is_its_speakers_and_light_verbs_of_sanctions():  # constructed (blind review 27)
    assert _constructed('Ngoại trưởng Mỹ John Kerry nói:\n"Chúng tôi sẽ tiếp tục hợp tác với các đối tác Afghanistan'
                        ' của chúng tôi".') == {("USA", "AFG", "03", "asserted")}
    assert _constructed("Washington ban hành loạt lệnh trừng phạt lên Moscow.") == {("USA", "RUS", "16", "asserted")}
    assert _constructed("Hôm qua, Mỹ cấm các quan chức Nga nhập cảnh.") == {("USA", "RUS", "16", "asserted")}
    assert _constructed("Nga cảnh cáo Mỹ dừng đánh đồng minh tại Syria.") == {("RUS", "USA", "13", "asserted")}


def test_a_plan_made_and_unnamed_forces_backed():  # constructed (from blind reviews 27-28)
    assert _constructed("Mỹ đã lập kế hoạch tấn công Syria.") == {("USA", "SYR", "19", "planned")}
    assert _constructed("Các lực lượng do Iran hậu thuẫn đã tiến vào Aleppo.") == {("IRN", None, "07", "asserted")}


def test_a_fronted_time_and_words_a_review_found_missing():  # constructed (from blind reviews 27-28)
    assert _constructed("Vài ngày sau, các máy bay của Iran nhắm mục tiêu vào các lực lượng Mỹ tại Syria.") == {
        ("IRN", "USA", "19", "asserted")}
    assert _constructed("Iran sẵn sàng đối đầu với Mỹ.") == {("IRN", "USA", "13", "asserted")}
    assert _constructed("Mỹ dừng cấp thị thực cho công dân Nga.") == {("USA", "RUS", "16", "asserted")}


def test_a_states_forces_named_bare_are_the_subject_carried_over():  # constructed (from blind review 27)
    assert _constructed("Indonesia tìm kiếm tàu ngầm. Hải quân đã tiến hành tập trận hôm qua.") == {
        ("IDN", None, "15", "asserted")}


def test_missiles_launched_to_attack_are_the_attack():  # constructed (from blind review 28)
    assert _constructed("Iran phóng tên lửa đạn đạo tấn công IS.") == {("IRN", "IS", "19", "asserted")}
    assert _constructed("Triều Tiên phóng tên lửa đạn đạo.") == {("PRK", None, "15", "asserted")}


def test_a_call_during_which_one_speaks_to_another():  # constructed (from blind review 27)
    assert _constructed("Ngoại trưởng Nga Sergei Lavrov nói với Ngoại trưởng Mỹ Rex Tillerson trong cuộc điện đàm "
                        "hôm qua.") == {("RUS", "USA", "04", "asserted")}


DESCRIBED_COUNTRIES = [
    # a country named back by what it is (`quốc gia Nam Mỹ này`): the country named last that lies in the region
    # the words name (Venezuela, not the United States the sentence before names after it), for both predicates
    ("vntc_2000s/0031.txt", "Hồi đầu năm nay, quốc gia Nam Mỹ này", {("VEN", "BRA", "06", "asserted"),
                                                                     ("VEN", "RUS", "06", "asserted")}),
    ("baomoi_2017/0095.txt", "Tới năm 2017, quốc gia Đông Á này", {("PRK", None, "15", "planned")}),
]


@_cases(DESCRIBED_COUNTRIES)
def test_a_country_named_back_by_what_it_is(doc, anchor, expected):
    assert sentence_events(doc, anchor) == expected


def test_a_described_country_with_no_region_is_not_the_actor_itself():  # constructed (from blind review 31)
    assert _constructed("Liên Hợp Quốc họp bàn về Triều Tiên. Mỹ trừng phạt quốc gia khép kín này.") == {
        ("USA", "PRK", "16", "asserted")}
    assert _constructed("Tình hình Syria vẫn căng thẳng. Nga cam kết tôn trọng chủ quyền của quốc gia Trung Đông này.") == {
        ("RUS", "SYR", "03", "asserted")}


def test_every_region_is_a_description():
    descriptors = {d.lower() for d in cues()["country_descriptors"]}
    assert set(ev._regions()) <= descriptors


def test_a_response_told_with_its_means_is_the_means():  # constructed (from blind review 31)
    assert _constructed("Bắc Kinh đã đáp trả các lệnh trừng phạt của EU bằng các biện pháp trừng phạt.") == {
        ("CHN", "EU", "16", "asserted")}
    assert _constructed("Triều Tiên dọa đáp trả Mỹ bằng các cuộc tấn công hạt nhân.") == {
        ("PRK", "USA", "13", "asserted")}


RECEIVED = [
    # sanctions received (`nhận thêm nhiều lệnh trừng phạt nữa từ Liên Hiệp Quốc`) are suffered: the giver is the
    # source, the receiver the target (from blind review 30)
    ("baomoi_2017/0095.txt", "Tới tháng 5.2009", {("PRK", None, "15", "asserted"), ("UN", "PRK", "16", "asserted")}),
]


@_cases(RECEIVED)
def test_an_act_received_is_the_givers(doc, anchor, expected):
    assert sentence_events(doc, anchor) == expected


TIME_LEADS = [
    # a span of time before a fronted cue (`Vài ngày sau cuộc hội đàm với phía Mỹ …,`) opens a fronted phrase: its
    # actor is no co-subject of the main clause, and its meeting is the main subject's (from blind review 31)
    ("dantri_unc_2020/0140.txt", "Vài ngày sau cuộc hội đàm", {("CHN", "USA", "04", "asserted"),
                                                               ("CHN", "RUS", "04", "asserted")}),
]


@_cases(TIME_LEADS)
def test_a_span_of_time_before_a_fronted_phrase(doc, anchor, expected):
    assert sentence_events(doc, anchor) == expected


INSULTS = [
    # a pejorative name given to an actor (`gọi Bình Nhưỡng là "trục ma quỷ"`) is a criticism (111); a second naming
    # verb in the same clause (`… và mô tả Thủ tướng Canada … là "con cún"`) is the same speaker's, not the first
    # one's object's (from blind reviews 30, 31)
    ("baomoi_2017/0095.txt", "Năm 2003, một năm sau khi", {("USA", "PRK", "11", "asserted")}),
    ("dantri_unc_2020/0140.txt", "Các nhà ngoại giao Trung Quốc lớn tiếng", {("CHN", "JPN", "11", "asserted"),
                                                                           ("CHN", "CAN", "11", "asserted")}),
]


@_cases(INSULTS)
def test_a_pejorative_name_is_a_criticism(doc, anchor, expected):
    assert sentence_events(doc, anchor) == expected


TIES_AND_CALLS = [
    # ties strengthened (`củng cố mối quan hệ chặt chẽ hơn với Washington`, `tăng cường quan hệ với Mỹ`): 05; a navy's
    # port call (`chuyến tàu cập cảng Việt Nam`): a visit (04) (words from blind review 31, mined in the bulk articles)
    ("dantri_unc_2020/0143.txt", "Trong lúc căng thẳng với Bắc Kinh", {("IND", "USA", "05", "asserted")}),
    ("vims_2016/0039.txt", "Trong nhiệm kỳ của Tổng thống Benigno", {("PHL", "USA", "05", "asserted")}),
    ("vims_2016/0064.txt", "Reuters dẫn nguồn tin từ Hạm đội", {("USA", "VNM", "04", "asserted")}),
]


@_cases(TIES_AND_CALLS)
def test_ties_strengthened_and_port_calls(doc, anchor, expected):
    assert sentence_events(doc, anchor) == expected


def test_a_false_accusation_is_an_accusation():  # constructed (from blind review 31)
    assert _constructed("Trung Quốc vu cáo Mỹ can thiệp vào công việc nội bộ.") == {("CHN", "USA", "11", "asserted")}


ENFORCED = [
    # a ban or a policy enforced (`thực thi lệnh cấm nhập cảnh …`) is the enforcer's (a light verb before the noun;
    # from blind review 30)
    ("dantri_unc_2020/0105.txt", "Không có vé nào được cấp", {("ARE", "IND", "16", "asserted")}),
    ("baomoi_2017/0016.txt", "Trong khi cựu Tổng thống Park", {("KOR", "PRK", "16", "asserted")}),
]


@_cases(ENFORCED)
def test_an_act_enforced_is_the_enforcers(doc, anchor, expected):
    assert sentence_events(doc, anchor) == expected


CONSEQUENCES = [
    # `buộc` after an act and a comma is what the act made happen, no demand: the one made to act is the subject of
    # what follows, and a reaction with no receiver named is aimed at the cause (from blind review 30)
    ("baomoi_2017/0095.txt", "Tháng 10.2006, Bình Nhưỡng", {("PRK", None, "15", "asserted"),
                                                            ("UN", "PRK", "11", "asserted"),
                                                            ("UN", "PRK", "16", "asserted")}),
]


@_cases(CONSEQUENCES)
def test_what_an_act_made_others_do(doc, anchor, expected):
    assert sentence_events(doc, anchor) == expected


def test_a_reaction_caused_is_aimed_at_the_cause():  # constructed (pattern counted in the corpus: `, khiến X …`)
    assert _constructed("Trung Quốc điều tàu tới quần đảo, khiến Tokyo phản đối kịch liệt.") == {
        ("JPN", "CHN", "11", "asserted"), ("CHN", None, "15", "asserted")}  # (the ships sent: a show of force)
    assert _constructed("Mỹ gây sức ép, buộc Bình Nhưỡng từ bỏ chương trình hạt nhân.") == {
        ("USA", "PRK", "10", "asserted")}


def test_cue_lists_are_named_once():
    import json
    from transforms import gazetteer as gz

    def unique(pairs):
        keys = [k for k, _ in pairs]
        assert len(keys) == len(set(keys)), sorted(k for k in set(keys) if keys.count(k) > 1)
        return dict(pairs)
    json.loads((gz.DATA / "event_cues.json").read_text(encoding="utf-8"), object_pairs_hook=unique)


def test_trigger_patterns_are_listed_once():  # the first row of a pattern wins (gz.Trie.add): a second is dead
    from transforms import gazetteer as gz
    patterns = [row["pattern"] for row in gz.read_tsv("triggers.tsv")]
    assert sorted(p for p in set(patterns) if patterns.count(p) > 1) == []


SUSPECTED = [
    # an act someone is suspected or rumoured of (`bị nghi là đã bán`, `bị đồn đã thiệt mạng`) is hypothetical, as the
    # dev annotators code alleged acts (from blind review 31)
    ("baomoi_2017/0098.txt", "Triều Tiên bị nghi là đã bán", {("PRK", "IRN", "06", "hypothetical"),
                                                             ("PRK", "SYR", "06", "hypothetical")}),
]


@_cases(SUSPECTED)
def test_a_suspected_act_is_hypothetical(doc, anchor, expected):
    assert sentence_events(doc, anchor) == expected


def test_nouns_that_hold_a_trigger_word_are_no_events():  # constructed (from blind reviews 30-31)
    assert _constructed("Triều Tiên rất giỏi né lệnh cấm vận, dù mức độ khắt khe tới thế nào.") == set()
    assert _constructed("Khoảng 300 chuyến bay thương mại hoạt động mỗi tuần giữa UAE và Ấn Độ.") == set()


UNDONE = [
    # cooperation undone (`hủy 2 thỏa thuận`, `tạm ngừng thương thuyết`, `hoãn chuyến thăm`) reduces relations (16),
    # not the cooperation (from blind review 33)
    ("dantri_unc_2020/0023.txt", "Ngoại trưởng Australia Marise Payne ngày 21/4", {("AUS", "CHN", "16", "planned")}),
    ("vntc_2000s/0034.txt", "Israel tạm ngừng thương thuyết", {("ISR", "PSE", "16", "asserted")}),
    ("vntc_2000s/0041.txt", "Yulia Tymoshenko quyết định hoãn", {("UKR", "RUS", "16", "planned")}),
]


@_cases(UNDONE)
def test_cooperation_undone_reduces_relations(doc, anchor, expected):
    assert sentence_events(doc, anchor) == expected


def test_trade_and_aid_undone():  # constructed (from blind review 33)
    assert _constructed("Trung Quốc áp đặt lệnh hạn chế nhập khẩu than đá từ Australia.") == {
        ("CHN", "AUS", "16", "asserted")}
    assert _constructed("Mỹ dừng viện trợ cho Ai Cập.") == {("USA", "EGY", "16", "asserted")}


def test_an_office_or_a_delegation_visits_for_its_country():  # constructed (from blind review 33)
    assert _constructed("Thủ tướng Australia tới Bắc Kinh để dự một diễn đàn kinh tế.") == {
        ("AUS", "CHN", "04", "asserted")}
    assert _constructed("Phái đoàn Mỹ tới Bình Nhưỡng hôm qua.") == {("USA", "PRK", "04", "asserted")}
    assert _constructed("Nhà báo Mỹ tới Hà Nội.") == set()  # a citizen's trip is no visit of the state


THREATENED_TESTS = [
    # a test threatened (`đang đe dọa thực hiện vụ thử hạt nhân`) is a threat (13) with no target named, beside the
    # tests that happened; a test one is ready for (`tuyên bố sẵn sàng thử tên lửa`) is planned (from blind review 32)
    ("baomoi_2017/0052.txt", "Chính quyền của Chủ tịch Kim Jong Un đã liên tiếp", {("PRK", None, "13", "asserted"),
                                                                                 ("PRK", None, "15", "asserted")}),
    ("baomoi_2017/0045.txt", "Đáp lại động thái trên, hãng thông tấn", {("PRK", None, "15", "planned")}),
]


@_cases(THREATENED_TESTS)
def test_a_test_threatened_or_readied(doc, anchor, expected):
    assert sentence_events(doc, anchor) == expected


SHIPS = [
    # a ship named with its navy's prefix acts for its state (`USS Florida đã phóng 93 tên lửa nhằm vào …`), and a
    # navy's drill it joins is the state's (from blind review 32)
    ("dantri_unc_2020/0146.txt", "Năm 2011, USS Florida", {("USA", "LBY", "19", "asserted")}),
    ("dantri_unc_2020/0104.txt", "Tàu ngầm KRI Nanggala 402 mất tích", {("IDN", None, "15", "asserted")}),
]


@_cases(SHIPS)
def test_a_ship_acts_for_its_state(doc, anchor, expected):
    assert sentence_events(doc, anchor) == expected


LISTED_RECEIVERS = [
    # a generic plural object a list names, past an adverb and an amount (`xuất khẩu thành công 61 chiếc cho hơn 10
    # quốc gia, trong đó có Hy Lạp, Ấn Độ và Thổ Nhĩ Kỳ`): one event per listed country (from blind review 32)
    ("dantri_unc_2020/0079.txt", "Loại tàu ngầm này chưa từng được Đức", {("DEU", "GRC", "06", "asserted"),
                                                                          ("DEU", "IND", "06", "asserted"),
                                                                          ("DEU", "TUR", "06", "asserted")}),
]


@_cases(LISTED_RECEIVERS)
def test_a_plural_receiver_named_by_a_list(doc, anchor, expected):
    assert sentence_events(doc, anchor) == expected


def test_a_quoted_act_offered_and_an_idiom_of_meeting():  # constructed (from blind review 32)
    assert _constructed("Triều Tiên đã đề nghị tổ chức “đối thoại” với Hàn Quốc.") == {("PRK", "KOR", "03", "asserted")}
    assert _constructed("Điểm gặp gỡ duy nhất giữa Triều Tiên và Hàn Quốc mới chỉ dừng lại ở đó.") == set()


@_cases([  # corpus sentences, none of them in the gold: deployments, borders, a decree's object, a seat after a verb
    # a deployment to a place, no receiver named: a show of force with a null target
    ("dantri_unc_2020/0093.txt", "Nga cũng đưa 15 tàu chiến", {("RUS", None, "15", "asserted")}),
    # ships and aircraft sent to help a search: the aid to the story's country, no show of force
    ("dantri_unc_2020/0104.txt", "Một số nước như Mỹ", {(c, "IDN", "07", "asserted")
                                                        for c in ("USA", "IND", "SGP", "MYS", "AUS")}),
    # forces massed near a border are aimed at the country beyond it
    ("dantri_unc_2020/0097.txt", "Quan hệ Nga - phương Tây", {("RUS", "UKR", "15", "asserted")}),
    # signing a sanctions decree is a sanction (16), not an agreement (05)
    ("dantri_unc_2020/0097.txt", "Một ngày trước khi Nga tuyên bố",
     {("USA", "RUS", "16", "asserted"), ("RUS", "USA", "16", "asserted")}),
    # `khẳng định Washington`: a verb ending in `định` is no document, so the seat is the government
    ("dantri_unc_2020/0093.txt", "Lầu Năm Góc kêu gọi Nga dừng",
     {("USA", "RUS", "02", "asserted"), ("USA", "UKR", "05", "asserted")}),
])
def test_deployments_borders_and_decrees(doc, anchor, expected):
    assert sentence_events(doc, anchor) == expected


def test_a_person_named_back_after_the_trigger_is_its_target():
    # corpus (vntc_2000s/0041, a blind review's article): `phát lệnh truy nã` is a light verb and its noun, and
    # `nữ chính trị gia này` the Ukrainian politician the sentences before name
    assert sentence_events("vntc_2000s/0041.txt", "Các công tố Nga đã phát lệnh truy nã") == {
        ("RUS", "UKR", "17", "asserted")}


def test_a_coordinator_of_the_next_act_ends_an_appeal():  # constructed: `đồng thời` right before the verb opens
    # the subject's next act; `cũng như`, and `đồng thời` before more of a proposal's content, go on with it
    assert _constructed("Ông Putin kêu gọi Mỹ kiềm chế, đồng thời chỉ trích Ukraine.") == {
        ("RUS", "USA", "02", "asserted"), ("RUS", "UKR", "11", "asserted")}
    assert _constructed("Lầu Năm Góc kêu gọi Nga dừng cản trở các tàu, cũng như chấm dứt việc hỗ trợ Belarus.") == {
        ("USA", "RUS", "02", "asserted")}


@_cases([  # corpus sentences, none of them in the gold
    # an accusation named back (`cả hai cáo buộc này`, `những cáo buộc này`): rejected, aimed at the accuser before
    ("dantri_unc_2020/0097.txt", "Nga kịch liệt bác bỏ cả hai cáo buộc này", {("RUS", "USA", "12", "asserted")}),
    ("dantri_unc_2020/0117.txt", "Tuy nhiên, Moscow đã bác bỏ những chỉ trích này", {("RUS", "EU", "12", "asserted")}),
    # a passive summons names the summoner after `tới`: the one summoned is the target
    ("dantri_unc_2020/0097.txt", "Theo thông báo của Bộ Ngoại giao Nga, vào ngày 21/4",
     {("RUS", "USA", "11", "asserted")}),
])
def test_rejections_named_back_and_passive_summons(doc, anchor, expected):
    assert sentence_events(doc, anchor) == expected


@_cases([  # corpus sentences, none of them in the gold
    # `tầm bắn` is a weapon's range, no firing (event: none)
    ("baomoi_2017/0019.txt", "Hồi tháng 4/2015, Đô đốc William Gortney", set()),
    # a fight against a disease is no act of force (event_frames.tsv: `chiến đấu` + `đại dịch` is `-`)
    ("dantri_unc_2020/0036.txt", "Trên cơ sở 70 năm hợp tác", set()),
])
def test_ranges_and_fights_against_diseases_are_no_force(doc, anchor, expected):
    assert sentence_events(doc, anchor) == expected


def test_those_taking_part_in_talks_meet_each_other():  # constructed: `với sự tham gia của` lists the parties
    assert _constructed("Cuộc hội đàm với sự tham gia của Mỹ, Nhật Bản và Ấn Độ diễn ra tại Tokyo.") == {
        ("USA", "JPN", "04", "asserted"), ("USA", "IND", "04", "asserted"), ("JPN", "IND", "04", "asserted")}


@_cases([  # corpus sentences, none of them in the gold
    # `tiếp` + a title: hosting the visitor (043)
    ("baomoi_2017/0033.txt", "Nhà Trắng cho biết Tổng thống Mỹ Donald Trump sẽ tiếp", {("USA", "VNM", "04", "planned")}),
    # `bay đến` a capital: a visit by the official who flies there
    ("dantri_unc_2020/0140.txt", "Một tuần sau, ông Vương Nghị bay đến Iran", {("CHN", "IRN", "04", "asserted")}),
    # `muốn` + an actor + an adverb (`sớm`, tagged A) + its act: an appeal to that actor
    ("baomoi_2017/0067.txt", "Bộ Ngoại giao Mỹ muốn Triều Tiên sớm", {("USA", "PRK", "02", "asserted")}),
])
def test_hosting_flying_to_and_wanting_of(doc, anchor, expected):
    assert sentence_events(doc, anchor) == expected


@_cases([  # corpus sentences, none of them in the gold: lexicon and frames grown from blind reviews' misses
    # aid shipped with the receiver named before the object (`vận chuyển đến Ấn Độ các vật tư`), pledged (`sẽ`)
    ("dantri_unc_2020/0036.txt", "Chính quyền Tổng thống Mỹ Joe Biden cho biết sẽ vận chuyển",
     {("USA", "IND", "03", "asserted")}),
    ("dantri_unc_2020/0016.txt", "Pháp đã gửi tới Ấn Độ", {("FRA", "IND", "07", "asserted")}),
    # carrier strike groups sent to a sea: a show of force by each
    ("dantri_unc_2020/0085.txt", "Hồi giữa tháng, cả Mỹ và Trung Quốc",
     {("USA", None, "15", "asserted"), ("CHN", None, "15", "asserted")}),
    # `phát động một cuộc tiến quân chống IS`: an offensive
    ("baomoi_2017/0079.txt", "Các báo cáo liên quan cho biết ngày 29/6", {("SYR", "IS", "19", "asserted")}),
])
def test_shipments_strike_groups_and_offensives(doc, anchor, expected):
    assert sentence_events(doc, anchor) == expected


def test_travel_bans_on_a_country_reduce_relations():  # constructed (seen in unseen articles)
    assert _constructed("Pháp đã tạm dừng các chuyến bay từ Ấn Độ.") == {("FRA", "IND", "16", "asserted")}
    assert _constructed("Thái Lan thông báo hạn chế khách du lịch từ Ấn Độ.") == {("THA", "IND", "16", "asserted")}


def test_a_purpose_inside_a_passive_subject_leaves_the_object_to_the_frame():  # constructed: the clause
    # splitter opens a clause at `để` inside the subject; the frame still reads `dự thảo` as what is sent, and
    # `đã` after the purpose makes the sending a deed
    assert _constructed("Dự thảo nghị quyết về các biện pháp mới để trừng phạt Iran đã được Anh gửi đến Nga và "
                        "Trung Quốc.") == {("GBR", "RUS", "02", "asserted"), ("GBR", "CHN", "02", "asserted")}


def test_a_trade_or_investment_role_makes_each_named_actor_a_partner():  # constructed (the form recurs in
    # the bulk articles: `X là nhà đầu tư nước ngoài lớn nhất tại Việt Nam`, `X là bạn hàng lớn nhất của Y`)
    assert _constructed("Singapore, Nhật Bản và Hàn Quốc là 3 nguồn đầu tư lớn nhất tại Việt Nam.") == {
        ("SGP", "VNM", "06", "asserted"), ("JPN", "VNM", "06", "asserted"), ("KOR", "VNM", "06", "asserted")}
    assert _constructed("Mỹ là bạn hàng lớn nhất của Việt Nam.") == {("USA", "VNM", "06", "asserted")}
    assert _constructed("Các nhà đầu tư Nhật Bản đang tìm kiếm cơ hội tại Việt Nam.") == set()


def test_opposition_suffered_by_a_thing_is_aimed_at_its_owner():
    # corpus (dantri_unc_2020/0093, not in the gold): the subject is a measure, `của Nga` its owner
    assert sentence_events("dantri_unc_2020/0093.txt", "Lệnh hạn chế đi lại một phần Biển Đen của Nga") == {
        ("UKR", "RUS", "11", "asserted")}


def test_a_region_a_list_names_and_joining_a_war():  # constructed
    # `ở khu vực này, gồm …`: the region is the countries the list names
    assert _constructed("NATO dự kiến sẽ đóng 4 tiểu đoàn ở khu vực này, gồm Ba Lan, Lithuania, Estonia và Latvia.") \
        == {("NATO", c, "07", "planned") for c in ("POL", "LTU", "EST", "LVA")}
    # joining a war with no enemy named: force with a null target; `hai bên tham chiến` names the sides only
    assert _constructed("Nga bắt đầu tham chiến vào cuối tháng 9/2015.") == {("RUS", None, "19", "asserted")}
    assert _constructed("Giao tranh vẫn diễn ra giữa hai bên tham chiến ở miền đông.") == set()


@_cases([  # photo captions of unseen corpus articles report events too (the gold codes them: 2 of 504 events)
    ("dantri_unc_2020/0145.txt", "Tổng thống Nga Vladimir Putin gặp cựu Phó Tổng thống Mỹ", {("RUS", "USA", "04", "asserted")}),
    ("dantri_unc_2020/0032.txt", "Chiếc xe chở 3 người Trung Quốc", {("KHM", "CHN", "17", "asserted")}),
])
def test_captions_are_coded(doc, anchor, expected):
    assert sentence_events(doc, anchor) == expected


def test_the_owner_of_a_ruling_acts_through_it():  # constructed: `các nghị quyết của X cấm …` is X's ban,
    # not the act of the speaker named before (event_cues.json plan_nouns)
    assert _constructed('Ông Moon cho rằng vụ phóng là "hành vi vi phạm" các nghị quyết của Hội đồng Bảo an Liên Hợp '
                        'Quốc cấm Triều Tiên phát triển tên lửa.') == {("UN", "PRK", "16", "asserted")}


def test_taking_back_control_is_force():  # constructed (blind reviews: `giành lại quyền kiểm soát … từ IS`); a
    # bare `giành lại` (+ a place) was tried and dropped: it changed a passive occupation's actor on the unseen corpus
    assert _constructed("Quân đội Iraq giành lại quyền kiểm soát thành phố Mosul từ IS.") == {
        ("IRQ", "IS", "19", "asserted")}


def test_counterattacks_and_exaggerations():  # constructed (blind reviews 46 and 47): `phản công`, `tái chiếm`
    # are force; `phóng đại` (exaggerate) holds no launch
    assert _constructed("Quân đội Iraq đã phản công IS ở Mosul.") == {("IRQ", "IS", "19", "asserted")}
    assert _constructed("Quân đội Syria đã tái chiếm thành phố Palmyra từ IS.") == {("SYR", "IS", "19", "asserted")}
    assert _constructed("Nga cho rằng Mỹ đã phóng đại mối đe dọa từ Triều Tiên.") == set()


@_cases([  # corpus sentences, none of them in the gold (blind reviews 48 and 49)
    # `gây áp lực quân sự`: military pressure is a show of force (15), not a demand (10)
    ("dantri_unc_2020/0055.txt", "Theo Politico, đối với hầu hết các nước EU",
     {("CHN", "TWN", "15", "asserted"), ("CHN", "PHL", "15", "asserted")}),
    # a military presence near a border is a show of force aimed at the country beyond it (beside the annexation
    # of Crimea it is compared with, force as the gold codes it)
    ("dantri_unc_2020/0142.txt", "Lầu Năm Góc ngày 19/4 ước tính hiện diện quân sự",
     {("RUS", "UKR", "15", "asserted"), ("RUS", "UKR", "19", "asserted")}),
    # `mũi tấn công` (a spearhead) is no attack: the air force backs it (07)
    ("baomoi_2017/0077.txt", "Từ lâu Mỹ đã muốn triệt hạ", {("RUS", "Hezbollah", "07", "asserted")}),
    # `khả năng triển khai` (a capability boasted of) is no deployment
    ("baomoi_2017/0071.txt", "Các nhà lãnh đạo quân đội Iran cũng khoe", set()),
])
def test_military_pressure_presence_and_nouns_of_attack(doc, anchor, expected):
    assert sentence_events(doc, anchor) == expected


@_cases([  # corpus sentences, none of them in the gold (blind reviews 48 and 49)
    # an attack on forces named by who backs them: where they are (`ở Syria`) is not whom it hits (target none)
    ("baomoi_2017/0071.txt", "Các lực lượng và chiến binh Iran liên kết",
     {("IRN", None, "19", "asserted"), ("USA", None, "07", "asserted")}),  # (`Hezbollah, do Tehran hậu thuẫn,` is missed)
    # a bombing near a Russian base in Syria hits Syria, not Russia
    ("vims_2016/0025.txt", "IS đánh bom gần căn cứ quân sự Nga", {("IS", "SYR", "18", "asserted")}),
    # an Iraqi air strike in an Iraqi region near the Syrian border: not on Syria (only al-Baghdadi killed by
    # someone unnamed remains)
    ("baomoi_2017/0060.txt", "Thông tin Abu Bakr al-Baghdadi bị tiêu diệt", {(None, "IS", "18", "asserted")}),
])
def test_no_target_from_where_proxies_are_or_what_an_attack_is_near(doc, anchor, expected):
    assert sentence_events(doc, anchor) == expected


def test_a_fronted_accusation_is_aimed_at_the_subject_after_it():  # constructed and one corpus sentence (blind
    # review 49): `Theo Mỹ cáo buộc, Iran …` (and `Theo cáo buộc của Mỹ, …`) accuses the subject after the comma;
    # other fronted `theo` phrases name who says it, no event
    assert _constructed("Theo cáo buộc của Mỹ, các tàu của Iran và Triều Tiên đã vi phạm lệnh cấm vận.") == {
        ("USA", "IRN", "11", "asserted"), ("USA", "PRK", "11", "asserted")}
    assert _constructed("Theo Nga, Mỹ đã vi phạm hiệp ước.") == set()
    assert sentence_events("baomoi_2017/0071.txt", "Theo Mỹ cáo buộc, Iran") == {("USA", "IRN", "11", "asserted")}


def test_a_partner_after_the_topic_of_a_mutual_act():  # constructed (blind review 51): `về` + a topic does not
    # hide the partner `với` names after it, unless a relation noun makes it the topic's (`quan hệ với Nga`)
    assert _constructed("Mỹ sẽ tăng cường hợp tác về an ninh hàng hải với Australia và Nhật Bản.") == {
        ("USA", "AUS", "06", "planned"), ("USA", "JPN", "06", "planned")}
    assert _constructed("Mỹ hội đàm về vấn đề hạt nhân với Iran.") == {("USA", "IRN", "04", "asserted")}
    assert _constructed("Mỹ thảo luận về quan hệ với Nga.") == set()


def test_judgements_after_la_are_criticism():  # constructed (blind review 50: criticism told as `gọi/cho rằng/
    # tuyên bố X là "Y"` was missed): more judgements in event_cues.json `evaluations`
    assert _constructed('Libya tuyên bố sự hiện diện của Mỹ ở châu Phi là "hành động xâm lược".') == {
        ("LBY", "USA", "11", "asserted")}
    assert _constructed("Nga gọi động thái của Mỹ là hành động thù địch.") == {("RUS", "USA", "11", "asserted")}
    assert _constructed("Trung Quốc gọi cáo buộc của Mỹ là vô căn cứ.") == {("CHN", "USA", "11", "asserted")}
    assert _constructed("Nga đã xâm lược Ukraine.") == {("RUS", "UKR", "19", "asserted")}  # the act itself


@_cases([  # corpus sentences, none of them in the gold (blind reviews 49-51)
    # `bắn rơi` (shoot down), `đánh vào` + a military object, `truy quét` (a sweep)
    ("baomoi_2017/0064.txt", "Cùng thời điểm, chiến đấu cơ Mỹ cũng bắn rơi", {("USA", "SYR", "19", "asserted")}),
    ("baomoi_2017/0013.txt", "Ngày 12.03.2017, quân đội Syria tiếp tục chiến dịch", {("SYR", "IS", "19", "asserted")}),
    ("vntc_2000s/0021.txt", "Những ngày qua, Mỹ đẩy mạnh các chiến dịch truy quét", {("USA", "IRQ", "17", "asserted")}),
    # `đánh vào việc xuất khẩu len` hits trade, no force (event_frames.tsv: `đánh vào` needs a military object)
    ("dantri_unc_2020/0144.txt", "Trung Quốc có thể khiến Australia tổn thất", set()),
])
def test_shooting_down_striking_and_sweeping(doc, anchor, expected):
    assert sentence_events(doc, anchor) == expected


def test_preparing_for_an_attack_makes_the_subject_its_agent():  # constructed (blind review 49): `chuẩn bị cho`
    # is a light verb like `chuẩn bị`; threats of no tolerance (blind review 49) and mediation
    assert _constructed("Thổ Nhĩ Kỳ đang chuẩn bị cho một cuộc tấn công lớn nhằm vào lực lượng YPG.") == {
        ("TUR", "YPG", "19", "planned")}
    assert _constructed("Mỹ sẽ không dung thứ cho các hành động khiêu khích của Triều Tiên.") == {
        ("USA", "PRK", "13", "asserted")}


@_cases([  # corpus sentences, none of them in the gold (blind review 50): a proposal offers each act of a list
    # (`đề nghị tổ chức “đối thoại, đàm phán”`, `đề nghị gặp và hội đàm với`): an offer (03), not talks (04)
    ("dantri_unc_2020/0091.txt", "Hôm 20/4, ông Zelensky chủ động đề nghị", {("UKR", "RUS", "03", "asserted")}),
])
def test_a_proposal_offers_each_act_of_its_list(doc, anchor, expected):
    assert sentence_events(doc, anchor) == expected


@_cases([  # corpus sentences, none of them in the gold (blind reviews 42 and 48 coded a joint drill's participants 15)
    # a joint drill: military cooperation with each partner (062) and a show of force by each participant (150)
    ("dantri_unc_2020/0107.txt", "Nhật Bản ngày 23/4 thông báo sẽ tổ chức tập trận chung",
     {("JPN", "USA", "06", "planned"), ("JPN", "FRA", "06", "planned"), ("JPN", None, "15", "planned"),
      ("USA", None, "15", "planned"), ("FRA", None, "15", "planned")}),
])
def test_a_joint_drill_is_cooperation_and_each_participants_show_of_force(doc, anchor, expected):
    assert sentence_events(doc, anchor) == expected


def test_improving_relations_is_mutual_and_training_is_military_cooperation():  # constructed (verbs mined from
    # raw news with bench/mine_triggers.py): relations improved, restored or strengthened by coordinated subjects
    # are each side's act; `huấn luyện` another's forces is military cooperation (062)
    assert _constructed("Hàn Quốc và Nhật Bản cam kết cải thiện quan hệ.") == {
        ("KOR", "JPN", "03", "asserted"), ("JPN", "KOR", "03", "asserted")}
    assert _constructed("Nga và Trung Quốc củng cố quan hệ đối tác chiến lược.") == {("RUS", "CHN", "05", "asserted")}
    assert _constructed("Mỹ huấn luyện quân đội Ukraine.") == {("USA", "UKR", "06", "asserted")}


@_cases([  # corpus sentences, none of them in the gold (blind review 53)
    # `Quốc hội nước này` after a US subject is the US Congress: no receiver from the sentence before (Vietnam)
    ("vims_2016/0064.txt", "Lãnh đạo Hải quân Mỹ từng đề nghị Quốc hội nước này", set()),
])
def test_a_country_named_back_after_an_institution_is_the_subjects_own(doc, anchor, expected):
    assert sentence_events(doc, anchor) == expected


@_cases([  # corpus sentences, none of them in the gold (blind review 52): a contract or a deal to supply or sell
    # is trade (06), not aid (07)
    ("vntc_2000s/0031.txt", "Hôm qua, Tây Ban Nha quyết định ký bản hợp đồng", {("ESP", "VEN", "06", "planned")}),
    ("dantri_unc_2020/0089.txt", "Trang tin United Daily News dẫn nguồn", {("USA", "TWN", "06", "planned")}),
])
def test_a_contract_to_supply_is_trade(doc, anchor, expected):
    assert sentence_events(doc, anchor) == expected


def test_an_agreement_to_sell_is_trade():  # constructed: `ký thỏa thuận` + `bán` (event_frames.tsv)
    assert _constructed("Mỹ đã ký thỏa thuận bán vũ khí cho Đài Loan.") == {("USA", "TWN", "06", "asserted")}


@_cases([  # corpus sentences, none of them in the gold (blind review 53)
    # `không thành công` qualifies the event noun: its agent after `của` is still the noun's
    ("baomoi_2017/0062.txt", "Những cuộc phóng thử tên lửa không thành công", {("PRK", None, "15", "asserted")}),
])
def test_an_outcome_verb_qualifies_an_event_noun(doc, anchor, expected):
    assert sentence_events(doc, anchor) == expected


@_cases([  # corpus sentences, none of them in the gold (blind review 53)
    # help pledged to a relief operation (`hỗ trợ chiến dịch tìm kiếm tàu ngầm`) goes to the story's country
    ("dantri_unc_2020/0115.txt", "Một số nước như Singapore, Australia, Ấn Độ đã phản hồi",
     {("SGP", "IDN", "03", "asserted"), ("AUS", "IDN", "03", "asserted"), ("IND", "IDN", "03", "asserted")}),
    # but not the help an agreement's name holds (`thỏa thuận hợp tác và hỗ trợ cứu hộ tàu ngầm`)
    ("dantri_unc_2020/0074.txt", "Singapore và Indonesia đã ký một thỏa thuận hợp tác và hỗ trợ",
     {("SGP", "IDN", "05", "asserted")}),
])
def test_help_to_a_relief_operation_goes_to_the_storys_country(doc, anchor, expected):
    assert sentence_events(doc, anchor) == expected


@_cases([  # corpus sentences, none of them in the gold (blind review 49)
    # a province's council acts for its country (`Hội đồng tỉnh Basra`: Iraq)
    ("vntc_2000s/0164.txt", "Hôm 14-12, Hội đồng tỉnh Basra", {("IRQ", "GBR", "16", "asserted")}),
])
def test_a_places_people_or_authorities_act_for_its_country(doc, anchor, expected):
    assert sentence_events(doc, anchor) == expected


def test_city_police_act_for_the_country():  # constructed: `cảnh sát thành phố Karachi`, `người dân thành phố Basra`
    assert _constructed("Cảnh sát thành phố Karachi đã bắt giữ 3 nghi phạm Taliban.") == {
        ("PAK", "Taliban", "17", "asserted")}
    assert _constructed("IS tấn công thành phố Mosul.") == {("IS", "IRQ", "18", "asserted")}  # a place, attacked
