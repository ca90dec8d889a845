"""Time expressions: a table of real corpus expressions with their values, and properties."""
import datetime as dt
import re

import pytest
from hypothesis import given, settings, strategies as st

from transforms.nlp import sentences_of
from transforms.timexes import PartialDate, recognize, resolve


def _timexes(text: str, dct: str | None, role: str = "body"):
    sentences = sentences_of(text, [(role, 0, len(text))])
    return [(t.surface, t.value) for t in resolve(recognize(sentences), PartialDate.parse(dct))]


# (sentence from the corpus, publication date, expected (surface, value) pairs)
CASES = [
    ("Tổng thống Bush sẽ đưa ra kế hoạch đầy đủ tại cuộc họp với Tổng thống Nga Vladimir Putin ngày 16/6 ở Slovenia.",
     "2001-05-29", [("ngày 16/6", "2001-06-16")]),
    ("Bộ trưởng Quốc phòng Nga Sergey Ivanov hôm qua cho biết tại một cuộc họp báo.", "2001-05-29",
     [("hôm qua", "2001-05-28")]),
    ("Washington hy vọng sẽ trấn an những đồng minh không muốn hủy bỏ hiệp ước Chống Tên lửa đạn đạo (ABM) 1972.",
     "2001-05-29", [("1972", "1972")]),
    ("Tháng 11/2010, Nga và NATO đã đạt được thỏa thuận ban đầu.", "2013-08-08", [("Tháng 11/2010", "2010-11")]),
    ("Mỹ cắt giảm số trạm tên lửa đánh chặn SM-3 IIB ở nước này vào năm 2022.", "2013-08-08", [("năm 2022", "2022")]),
    ("Ngày 8/8, Bộ Quốc phòng Nga đã bày tỏ hy vọng.", "2013-08-08", [("Ngày 8/8", "2013-08-08")]),
    ("Hôm thứ ba vừa qua, nhóm này tuyên bố.", "2005-07-28", [("Hôm thứ ba vừa qua", "2005-07-26")]),
    ("Vụ bắt cóc xảy ra hồi đầu tháng.", "2005-07-28", [("đầu tháng", "2005-07")]),
    ("Sáng nay (29.5), Triều Tiên phóng tên lửa.", "2017-05-29", [("Sáng nay (29.5)", "2017-05-29")]),
    ("Triều Tiên phóng thử tên lửa vào ngày thứ 7 vừa qua.", "2017-05-29", [("ngày thứ 7 vừa qua", "2017-05-27")]),
    ("Hệ thống sẽ hoàn thành vào tháng 7 tới.", "2016-05", [("tháng 7 tới", "2016-07")]),
    ("Vụ khủng bố ngày 22-3-2016 tại Brussels.", "2016", [("ngày 22-3-2016", "2016-03-22")]),
    ("Cảnh báo này sẽ hết hiệu lực vào cuối tháng 6.", "2016", [("cuối tháng 6", "2016-06")]),
    ("Bầu cử tổng thống Ukraina gây tranh cãi 21/11.", "2004-12", [("21/11", "2004-11-21")]),
    ("Quân đội cho biết hôm nay, 21/4, tàu ngầm đã mất tích.", "2021-04-21", [("hôm nay, 21/4", "2021-04-21")]),
    ("Hồi tháng 3, tàu Trung Quốc xuất hiện.", "2021-04-24", [("Hồi tháng 3", "2021-03")]),
    ("Năm qua, ông được thả.", "2017-06-20", [("Năm qua", "2016")]),
    ("Ngày 9 tháng 8 năm 2013, hai bên gặp nhau.", "2013-08-08", [("Ngày 9 tháng 8 năm 2013", "2013-08-09")]),
    ("Hội nghị diễn ra ngày 28 và 29/10.", "2005-11-02", [("ngày 28 và 29/10", "2005-10-28")]),
    ("Đây là năm nay.", "2017-05-29", [("năm nay", "2017")]),
    ("Minh Châu (theo AP, NBC, 29/5)", "2001-05-29", [("29/5", "2001-05-29")]),
    ("Cùng ngày, Nga phản đối.", None, [("Cùng ngày", None)]),
]


@pytest.mark.parametrize("text,dct,expected", CASES)
def test_corpus_expressions(text, dct, expected):
    assert _timexes(text, dct) == expected


def test_bare_date_needs_context_outside_bylines():
    assert _timexes("AP, NBC 29/5", "2001-05-29", role="byline") == [("29/5", "2001-05-29")]
    assert _timexes("Con số 29/5 học sinh", "2001-05-29") == []


@pytest.mark.parametrize("text", ["Hai tháng trước khi diễn ra bầu cử.", "Phải một năm sau tôi mới biết.",
                                  "Khoảng 2/3 số ghế.", "Ông sống 3 năm ở Nga.", "Lần thứ hai ông đến.",
                                  "Vào mỗi sáng thứ bảy hằng tuần.", "Có 2000 người tham gia.", "Những năm 1990."])
def test_not_time_expressions(text):
    assert _timexes(text, "2005-01-01") == []


def test_anaphora_takes_last_day():
    text = "Ngày 20/4, Philippines phản đối. Cùng ngày, Trung Quốc bác bỏ."
    assert _timexes(text, "2021-04-24")[-1] == ("Cùng ngày", "2021-04-20")


VALUE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789/-. ,ngàythánmhôqusr()Ngày tháng năm hôm qua thứ Bảy")),
               max_size=80),
       st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 12, 31)))
def test_any_text_resolves_to_valid_values_deterministically(text, day):
    dct = PartialDate(day.year, day.month, day.day)
    first = _timexes(text, dct.value)
    assert first == _timexes(text, dct.value)
    for surface, value in first:
        assert surface and surface in text
        if value:
            assert VALUE.match(value)
            dt.date.fromisoformat(value + "-01" * (2 - value.count("-")))
