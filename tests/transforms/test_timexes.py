"""Time expressions: a table of real corpus expressions with their values, and properties."""
import datetime as dt
import re

import pytest
from hypothesis import given, settings, strategies as st

from transforms.nlp import sentences_of
from transforms.timexes import PartialDate, recognize, resolve


def _timexes(text: str, dct: str | None, role: str = "body"):
    sentences = sentences_of(text, [(role, 0, len(text))])
    texts = {s.index: (s.start, s.text) for s in sentences}
    return [(t.surface, t.value) for t in resolve(recognize(sentences), PartialDate.parse(dct), texts)]


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

# From dantri_unc_2020 articles outside the dev set; publication dates from their `# date` headers.
CASES += [
    ("Tổng thống Trump trước đó thường xuyên nói rằng một vắc xin Covid-19 có thể sẵn sàng trước ngày bầu cử 3/11.",
     "2020-10-01", [("3/11", "2020-11-03")]),
    ("Moderna sẽ không tìm kiếm việc phê chuẩn trước ngày 25/11, Giám đốc điều hành Stephane Bancel xác nhận với hãng "
     "tin Financial Times ngày 30/9.", "2020-10-01", [("ngày 25/11", "2020-11-25"), ("ngày 30/9", "2020-09-30")]),
    ("Ông Trump đã nhắc lại điều đó vào tối ngày 29/9 trong cuộc tranh luận tổng thống trực tiếp đầu tiên.",
     "2020-10-01", [("tối ngày 29/9", "2020-09-29")]),
    ("“Có một khả năng là chúng ta sẽ có câu trả lời trước ngày 1/11”, ông Trump nói.", "2020-10-01",
     [("ngày 1/11", "2020-11-01")]),
    ("Công ty ông có thể có câu trả lời rõ ràng về việc vắc xin có khả quan hay không trong tháng 10.", "2020-10-01",
     [("tháng 10", "2020-10")]),
    ("Cuối tháng 10 cũng là ngày giả định.", "2020-10-01", [("Cuối tháng 10", "2020-10")]),
    ("Cuộc thử nghiệm đã bị tạm dừng kể từ ngày 6/9 sau khi một người tham gia tại Anh đổ bệnh.", "2020-10-01",
     [("ngày 6/9", "2020-09-06")]),
    ("Dữ liệu mà FDA yêu cầu dự kiến sẽ được chuyển đến trong tuần này.", "2020-10-01", []),
    ("Ông Parscale cho biết trong thông báo ngày 30/9.", "2020-10-01", [("ngày 30/9", "2020-09-30")]),
    ("Tuần trước, ông đã phải nhập viện.", "2020-10-01", []),
    ("Ông mất chức sau buổi vận động tranh cử tại Tulsa, Oklahoma, vào tháng 7 với những khán đài trống.", "2020-10-01",
     [("tháng 7", "2020-07")]),
    ("Ngày 30/9, Bộ trưởng Quốc phòng Đức đã kêu gọi quốc hội ủng hộ việc tăng ngân sách quốc phòng trong năm tới.",
     "2020-10-01", [("Ngày 30/9", "2020-09-30"), ("năm tới", "2021")]),
    ("Theo dự thảo ngân sách năm 2021 của Đức, chi tiêu quân sự sẽ tăng.", "2020-10-01", [("năm 2021", "2021")]),
    ("Hàng triệu phiếu bầu cử Mỹ 2020 qua thư có nguy cơ không được đếm.", "2020-11-01", [("2020", "2020")]),
    ("Wall Street Journal dẫn nguồn tin cho hay, tính đến ngày 30/10, có hơn 7 triệu lá phiếu chưa được gửi.",
     "2020-11-01", [("ngày 30/10", "2020-10-30")]),
    ("Nhiều bang trong số này có quy định phiếu bầu gửi tới sau 3/11 sẽ không được đếm.", "2020-11-01",
     [("3/11", "2020-11-03")]),
    ("Ông Trump thắng bà Clinton hồi năm 2016 - tính đến ngày 19/10, có hơn 700.000 phiếu chưa được chuyển.",
     "2020-11-01", [("năm 2016", "2016"), ("ngày 19/10", "2020-10-19")]),
    ("Theo một thống kê, việc vận chuyển thư đã bị chậm lại tại 12/13 bang.", "2020-11-01", []),
    ("Tháng 9/2020, trong một báo cáo thường niên, quân đội Mỹ cho biết.", "2020-11-01", [("Tháng 9/2020", "2020-09")]),
    ("Ngày 5/9/2020 trên mạng xã hội cũng xuất hiện một bài tường thuật.", "2020-11-01",
     [("Ngày 5/9/2020", "2020-09-05")]),
    ("Siêu bão Goni đã suy yếu khi đổ bộ vào đảo chính Luzon của Philippines hôm nay, 1/11.", "2020-11-01",
     [("hôm nay, 1/11", "2020-11-01")]),
    ("Giới chức Philippines cảnh báo từ 19-31 triệu người có thể bị ảnh hưởng bởi siêu bão.", "2020-11-01", []),
    ("Hải quân Mỹ sẽ cần hơn 500 chiến hạm để đảm bảo ưu thế trong hàng chục năm tới.", "2020-11-01", []),
    ("Mỹ ghi nhận kỷ lục gần 100.000 ca mắc mới chỉ trong 1 ngày thứ Sáu.", "2020-11-01",
     [("ngày thứ Sáu", "2020-10-30")]),
    ("Hơn 1.000 người tử vong mỗi ngày trong 2 ngày 28 và 29/10, tăng 16% so với hai tuần trước đó.", "2020-11-01",
     [("ngày 28 và 29/10", "2020-10-28")]),
    ("Thủ tướng Boris Johnson hôm 31/10 đã công bố các biện pháp phong tỏa từ ngày 5/11 đến 2/12.", "2020-11-01",
     [("hôm 31/10", "2020-10-31"), ("ngày 5/11", "2020-11-05"), ("2/12", "2020-12-02")]),
    ("Italy ghi nhận con số kỷ lục trong 24 giờ qua, Bộ Y tế nước này thông báo hôm qua.", "2020-11-01",
     [("hôm qua", "2020-10-31")]),
    ("Bão Goni - siêu bão mạnh nhất thế giới trong năm 2020 - đã đổ bộ vào Philippines sáng sớm nay, 1/11.",
     "2020-11-01", [("năm 2020", "2020"), ("sáng sớm nay, 1/11", "2020-11-01")]),
    ("Siêu bão Goni vào 4h50 sáng ngày 1/11 đã đổ bộ vào đảo Catanduanes.", "2020-11-01",
     [("sáng ngày 1/11", "2020-11-01")]),
    ("Goni dự kiến sẽ suy yếu khi tiến vào Biển Đông vào sáng sớm ngày 2/11.", "2020-11-01",
     [("sáng sớm ngày 2/11", "2020-11-02")]),
    ("Đảng Cộng hòa chưa từng giành chiến thắng ở bang này kể từ năm 1972.", "2020-11-01", [("năm 1972", "1972")]),
    ("Tổng thống Trump có thể khiến thế giới bất ngờ một lần nữa trong cuộc bầu cử năm nay.", "2020-11-01",
     [("năm nay", "2020")]),
    ("Phó Tổng thống Mike Pence đã tiến hành một cuộc mít tinh ở phía bắc Minnesota hôm 26/10.", "2020-11-01",
     [("hôm 26/10", "2020-10-26")]),
    ("Vụ va chạm xảy ra lúc 8h50 ngày 27/4 giờ địa phương ngoài khơi thành phố Thanh Đảo.", "2021-04-28",
     [("ngày 27/4", "2021-04-27")]),
    ("Một quan chức Trung Quốc hôm nay cho biết họ đã cử các chuyên gia tới Thanh Đảo.", "2021-04-28",
     [("hôm nay", "2021-04-28")]),
    ("Số ca mắc mới lập kỷ lục thế giới liên tiếp 5 ngày qua.", "2021-04-28", []),
    ("Thủ hiến New Delhi Arvind Kejriwal hôm nay 27/4 cho biết 21 nhà máy ôxy sẽ được nhập khẩu.", "2021-04-27",
     [("hôm nay 27/4", "2021-04-27")]),
    ("Các xe bồn sẽ bắt đầu đến từ ngày mai.", "2021-04-27", [("ngày mai", "2021-04-28")]),
    ("Các nước đã chuyển các thùng chứa ôxy tới Ấn Độ trong tuần này.", "2021-04-27", []),
    ("Nhiều lô thiết bị y tế đã được chuyển tới Ấn Độ vào ngày hôm nay, 27/4.", "2021-04-27",
     [("ngày hôm nay, 27/4", "2021-04-27")]),
    ("Kể từ đầu tháng này, số ca mắc Covid-19 ở Ấn Độ bất ngờ tăng mạnh.", "2021-04-24", [("đầu tháng này", "2021-04")]),
    ("Trong nửa đầu tháng 4, Ấn Độ xuất khẩu khoảng 1,2 triệu liều vắc xin.", "2021-04-24", [("đầu tháng 4", "2021-04")]),
    ("Thủ tướng Narendra Modi hồi tháng 1 năm nay tuyên bố.", "2021-04-24", [("hồi tháng 1 năm nay", "2021-01")]),
    ("Chỉ hai tháng sau, số ca mắc bắt đầu tăng trở lại.", "2021-04-24", []),
    ("Ấn Độ mở rộng đối tượng được tiêm chủng, bắt đầu từ tháng sau.", "2021-04-24", [("tháng sau", "2021-05")]),
    ("Nếu Ấn Độ không kiểm soát được làn sóng Covid-19 thứ hai này, cả thế giới sẽ phải trả giá.", "2021-04-24", []),
    ("Đây là ngày thứ 3 liên tiếp số ca mắc ở Ấn Độ cao nhất thế giới.", "2021-04-24", []),
    ("Quan hệ căng thẳng sau vụ đụng độ ở dãy Himalaya tháng 6 năm ngoái.", "2021-04-24",
     [("tháng 6 năm ngoái", "2020-06")]),
    ("Các quan chức cấp cao của Mỹ ngày 27/4 đã cam kết hỗ trợ cho Ấn Độ.", "2021-04-28", [("ngày 27/4", "2021-04-27")]),
    ("Tổng thống Joe Biden đã nói với Thủ tướng Modi trong cuộc điện đàm hôm 26/4.", "2021-04-28",
     [("hôm 26/4", "2021-04-26")]),
    ("Thỏa thuận để sản xuất một tỷ liều vắc xin ở Ấn Độ vào cuối năm 2022.", "2021-04-28",
     [("cuối năm 2022", "2022")]),
    ("Dịch bệnh khởi phát vào cuối năm 2019.", "2021-05-01", [("cuối năm 2019", "2019")]),
    ("Dịch có thể đạt đỉnh từ ngày 3-5/5, sớm hơn so với dự báo trước đó.", "2021-05-01", [("ngày 3-5/5", "2021-05-03")]),
    ("Một lô vắc xin Sputnik đầu tiên của Nga dự kiến tới Ấn Độ vào hôm nay 1/5.", "2021-05-01",
     [("hôm nay 1/5", "2021-05-01")]),
    ("Bà Payne tuyên bố sẽ hủy thỏa thuận mà Victoria và Trung Quốc đã thông qua vào năm 2018 và 2019.", "2021-04-22",
     [("năm 2018", "2018"), ("2019", "2019")]),
    ("Tính đến giữa năm ngoái, thế giới có 2.600 dự án liên quan tới sáng kiến nói trên.", "2021-04-22",
     [("giữa năm ngoái", "2020")]),
    ("Năm ngoái, Australia thông qua luật mới.", "2021-04-22", [("Năm ngoái", "2020")]),
    ("Đảng Cộng sản Cuba hôm nay 19/4 chính thức bầu ông Miguel Diaz-Canel.", "2021-04-19",
     [("hôm nay 19/4", "2021-04-19")]),
    ("Đại hội đảng Cộng sản Cuba lần thứ 8 diễn ra từ ngày 16-19/4.", "2021-04-19", [("ngày 16-19/4", "2021-04-16")]),
    ("Từ đầu tháng 4/1985, ông Diaz-Canel giảng dạy tại trường Đại học Santa Clara.", "2021-04-19",
     [("đầu tháng 4/1985", "1985-04")]),
    ("Theo nghiên cứu, số ca có xu hướng giảm từ tháng 9 năm ngoái đến giữa tháng 2 năm nay.", "2021-04-27",
     [("tháng 9 năm ngoái", "2020-09"), ("giữa tháng 2 năm nay", "2021-02")]),
    ("Số người chết có thể lên gần 960.000 ca vào đầu tháng 8 tới.", "2021-04-27", [("đầu tháng 8 tới", "2021-08")]),
    ("Cùng ngày 29/4, Thái Lan có thêm 10 ca tử vong.", "2021-04-30", [("ngày 29/4", "2021-04-29")]),
    ("Giới chức Luang Prabang cuối tuần qua đã ban bố lệnh phong tỏa kéo dài đến ngày 5/5.", "2021-04-30",
     [("ngày 5/5", "2021-05-05")]),
    ("Mọi người đều lo sợ rằng tàu sẽ hết ôxy vào sáng sớm ngày 24/4, 72 tiếng sau khi mất tích.", "2021-04-25",
     [("sáng sớm ngày 24/4", "2021-04-24")]),
    ("Chiều 24/4, Đô đốc Yudo Margono thông báo đã tìm thấy mảnh vỡ.", "2021-04-25", [("Chiều 24/4", "2021-04-24")]),
    ("Tàu Nanggala đã không được bảo dưỡng toàn bộ kể từ tháng 5/2018.", "2021-04-25", [("tháng 5/2018", "2018-05")]),
    ("Chính sách kiểm soát dân số được áp dụng từ những năm cuối 1970.", "2021-04-28", []),
    ("Hồi tháng trước, một nhà nghiên cứu hàng đầu của chính phủ cho biết.", "2021-04-28", [("tháng trước", "2021-03")]),
    ("Người phát ngôn Bộ Ngoại giao Trung Quốc Triệu Lập Kiênngày 13/4 cảnh báo Mỹ.", "2021-04-19",
     [("ngày 13/4", "2021-04-13")]),
    ("Vụ việc xảy ra khi Kahle đi bộ cùng bạn vào đêm 25/4.", "2021-04-29", [("đêm 25/4", "2021-04-25")]),
    # vntc_2000s and vims_2016
    ("Cuộc đàm phán 6 bên được nối lại hôm qua sau gần một năm bế tắc.", "2005-09-14", [("hôm qua", "2005-09-13")]),
    ("Các nhân viên IAEA phải rời Bắc Triều Tiên hồi tháng 12/2002.", "2005-09-14", [("tháng 12/2002", "2002-12")]),
    ("El Shukrijumah đến Panama từ nước Mỹ vào tháng 4/2001, 5 tháng trước vụ 11/9.", "2003-03-21",
     [("tháng 4/2001", "2001-04")]),
    ("Các quốc gia phải cam kết giới hạn khí thải trong giai đoạn đầu từ năm 2008 đến 2012.", "2004-11-05",
     [("năm 2008", "2008"), ("2012", "2012")]),
    ("Lúc 20h tối 21/6 giờ Hà Nội, Thủ tướng Phan Văn Khải có cuộc gặp lịch sử tại Nhà Trắng.", "2005-06-22",
     [("tối 21/6", "2005-06-21")]),
    ("Cũng trong ngày hôm nay, các quan chức Việt Nam và Mỹ ký một hiệp định về con nuôi.", "2005-06-22",
     [("ngày hôm nay", "2005-06-22")]),
    ("Bộ Tư pháp Mỹ hôm thứ tư đã phát hành một danh sách truy nã.", "2004-05-28", [("hôm thứ tư", "2004-05-26")]),
    ("Với tỷ lệ phiếu ủng hộ là 134/100, Thượng viện Nhật đã nhất trí với kế hoạch.", "2005-10-14", []),
]


def test_table_is_large():
    assert sum(len(expected) for _, _, expected in CASES) >= 80


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
